package io.infrakit.examples.plugins;

import io.infrakit.examples.plugins.ExamplePlugin.Language;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.testkit.InstancePluginContractTest;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.util.List;

/**
 * The instance contract, against an example plugin started as its own process for each test and called over its
 * socket through our RPC client, as the manager calls it.
 */
abstract class ExamplePluginContract extends InstancePluginContractTest {

    private Path root;
    private ExamplePlugin running;

    abstract Language language();

    @Override
    protected InstancePlugin plugin() {
        root = ExamplePlugin.shortTempDirectory("ik-ex");
        running = ExamplePlugin.start(language(), "example", root.resolve("plugins"), root.resolve("instances"));
        return running.remote();
    }

    @Override
    protected Any validProperties() {
        return Any.parse("{\"image\": \"alpine\", \"cpus\": 2}");
    }

    @Override
    protected List<InvalidProperties> invalidProperties() {
        return List.of(
                InvalidProperties.of("[1, 2]", "file instance properties must be a JSON object, got [1,2]"),
                InvalidProperties.of("\"alpine\"", "must be a JSON object"),
                InvalidProperties.of("42", "must be a JSON object"));
    }

    @AfterEach
    void stopThePlugin() {
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            ExamplePlugin.deleteTree(root);
        }
    }
}
