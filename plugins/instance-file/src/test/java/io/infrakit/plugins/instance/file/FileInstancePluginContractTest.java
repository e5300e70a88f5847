package io.infrakit.plugins.instance.file;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.testkit.InstancePluginContractTest;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

class FileInstancePluginContractTest extends InstancePluginContractTest {

    @TempDir
    Path directory;

    @Override
    protected InstancePlugin plugin() {
        return new FileInstancePlugin(directory);
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
}
