package io.infrakit.examples.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.examples.plugins.ExamplePlugin.Language;
import io.infrakit.testkit.wire.GoExchange;
import io.infrakit.testkit.wire.GoWireCaptures;
import io.infrakit.testkit.wire.RawUnixHttp;
import io.infrakit.testkit.wire.WireShapes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request InfraKit's Go CLI and Go group controller sent to InfraKit's own {@code instance-file} plugin
 * (recorded in engine/testkit, see docs/from-infrakit.md), sent again in order to each example plugin: each answer
 * has the recorded HTTP status and the recorded shape (field names, JSON types, null versus absent). The instance IDs
 * the Go plugin handed out are swapped for the ones the example plugin hands out; the one difference kept is
 * docs/from-infrakit.md's: a plugin's failure carries its kind in {@code error.data}.
 */
class ExamplePluginsGoWireIT {

    private static final Set<String> GO_FILE_PLUGINS = Set.of("instance-file", "px-instance-file");

    private Path root;
    private ExamplePlugin plugin;

    @AfterEach
    void stop() {
        try {
            if (plugin != null) {
                plugin.close();
            }
        } finally {
            ExamplePlugin.deleteTree(root);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void answersInfraKitsGoClientsAsInfraKitsFilePluginDid(Language language) throws IOException {
        root = ExamplePlugin.shortTempDirectory("ik-exg");
        plugin = ExamplePlugin.start(language, "instance-file", root.resolve("plugins"), root.resolve("instances"));
        List<GoExchange> recorded = new ArrayList<>(GoWireCaptures.cliToGo());
        recorded.addAll(GoWireCaptures.managerToPlugins());
        IdSwaps ids = new IdSwaps();
        int replayed = 0;

        for (GoExchange exchange : recorded) {
            if (!GO_FILE_PLUGINS.contains(exchange.plugin())) {
                continue;
            }
            RawUnixHttp.Answer answer = RawUnixHttp.post(plugin.socket(), ids.toOurs(exchange.request().toString()));
            assertThat(answer.status()).as("HTTP status of %s", exchange.request()).isEqualTo(exchange.status());
            JsonNode ours = answer.json();
            if (exchange.rpcMethod().equals("Instance.Provision") && ours.at("/result/ID").isTextual()) {
                ids.learn(exchange.result().path("ID").asText(), ours.at("/result/ID").asText());
            }
            assertThat(WireShapes.differences(exchange.response(), ours, path -> path.equals("error.data")))
                    .as("%s: InfraKit answered %s, %s answered %s", exchange.rpcMethod(), exchange.response(),
                            language, ours)
                    .isEmpty();
            replayed++;
        }

        assertThat(replayed).as("exchanges replayed").isGreaterThan(100);
    }

    /** The Go plugin's instance IDs, each replaced by the one the example plugin gave the same provision. */
    private static final class IdSwaps {
        private final List<String[]> swaps = new ArrayList<>();

        void learn(String theirs, String ours) {
            swaps.add(new String[] {theirs, ours});
        }

        String toOurs(String request) {
            String swapped = request;
            for (String[] swap : swaps) {
                swapped = swapped.replace(swap[0], swap[1]);
            }
            return swapped;
        }
    }
}
