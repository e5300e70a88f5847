package io.infrakit.engine.manager;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.plugins.flavor.vanilla.VanillaPluginProvider;
import io.infrakit.plugins.instance.file.FilePluginProvider;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.metadata.MetadataTree;
import io.infrakit.testkit.wire.RawUnixHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile requests to the manager's {@code vars} (docs/protocol.md, "Metadata: vars and status"): each is refused
 * with one line that names what was refused and quotes no value, and leaves {@code configs/vars.json} as it was.
 */
class VarsHostileIT {

    private static final String SECRET = "hunter2-secret";

    Path root;
    InfrakitHome home;

    @BeforeEach
    void shortHome() throws IOException {
        root = Files.createTempDirectory(Path.of("/tmp"), "ik-vars");
        home = InfrakitHome.at(root);
    }

    @AfterEach
    void removeHome() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void hostileChangesAndCommitsAreRefusedAndChangeNothing() throws Exception {
        try (Manager manager = start()) {
            Path socket = home.pluginsDir().resolve(PluginSelection.defaultName(PluginSelection.MANAGER_KIND));
            JsonNode proposal = result(socket, "Updatable.Changes", "{\"Name\":\"group/vars\",\"Changes\":["
                    + "{\"Path\":\"db/password\",\"Value\":\"" + SECRET + "\"},"
                    + "{\"Path\":\"zones\",\"Value\":[\"a\"]}]}");
            result(socket, "Updatable.Commit", "{\"Name\":\"group/vars\",\"Proposed\":" + proposal.path("Proposed")
                    + ",\"Cas\":\"" + proposal.path("Cas").asText() + "\"}");
            Path file = home.configsDir().resolve(StoredVars.FILE_NAME);
            byte[] stored = Files.readAllBytes(file);
            Any current = Any.of(proposal.path("Proposed"));
            Any list = Any.parse("[\"" + SECRET + "\"]");

            assertRefused(socket, "Updatable.Changes", "{\"Name\":\"group/vars\",\"Changes\":["
                            + "{\"Path\":\"db/password\",\"Value\":\"" + SECRET + "\"},"
                            + "{\"Path\":\"db/password/x\",\"Value\":1}]}",
                    -32000, "can't apply change at db/password/x: an earlier change set db/password to a string");
            assertRefused(socket, "Updatable.Changes",
                    "{\"Name\":\"group/vars\",\"Changes\":[{\"Path\":\"zones/[0]\",\"Value\":\"" + SECRET + "\"}]}",
                    -32000, "can't apply change at zones/[0]: lists are not changed by index");
            assertRefused(socket, "Updatable.Changes",
                    "{\"Name\":\"group/vars\",\"Changes\":[{\"Path\":\".\",\"Value\":\"" + SECRET + "\"}]}",
                    -32000, "can't apply change at .: the root must be an object, not a string");
            assertRefused(socket, "Updatable.Commit", "{\"Name\":\"group/vars\",\"Proposed\":" + list
                            + ",\"Cas\":\"" + MetadataTree.fingerprint(current, list) + "\"}",
                    -32000, "a metadata tree must be an object, not a list");
            assertRefused(socket, "Updatable.Commit",
                    "{\"Name\":\"group/vars\",\"Proposed\":{\"x\":\"" + SECRET + "\"},\"Cas\":\"\"}",
                    -32000, "cas mismatch: vars changed since the proposal, or the proposal was altered;"
                            + " ask for Changes again");
            JsonNode badParams = answer(socket, "Updatable.Changes",
                    "{\"Name\":\"group/vars\",\"Changes\":\"" + SECRET + "\"}");
            assertThat(badParams.path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(badParams.path("error").path("message").asText()).startsWith("invalid params:")
                    .doesNotContain("\n");

            assertThat(Files.readAllBytes(file)).as("nothing changed").isEqualTo(stored);
            assertThat(result(socket, "Updatable.Get", "{\"Name\":\"group/vars\",\"Path\":\".\"}").path("Value"))
                    .isEqualTo(proposal.path("Proposed"));
        }
    }

    @Test
    void aVarsFileThatIsNotJsonStopsTheManagerFromStartingAndIsLeftAsItWas() throws Exception {
        Files.createDirectories(home.configsDir());
        Path file = home.configsDir().resolve(StoredVars.FILE_NAME);
        Files.writeString(file, "{\"token\": " + SECRET + "}");

        assertThatThrownBy(this::start)
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageMatching(".*vars\\.json:1:\\d+: not JSON; fix or remove the file")
                .message().doesNotContain(SECRET);
        assertThat(Files.readString(file)).isEqualTo("{\"token\": " + SECRET + "}");
    }

    private void assertRefused(Path socket, String method, String params, int code, String message)
            throws IOException {
        JsonNode error = answer(socket, method, params).path("error");
        assertThat(error.path("code").asInt()).as("%s %s", method, params).isEqualTo(code);
        assertThat(error.path("message").asText()).isEqualTo(message).doesNotContain(SECRET);
    }

    private static JsonNode result(Path socket, String method, String params) throws IOException {
        JsonNode answer = answer(socket, method, params);
        assertThat(answer.has("error")).as("%s answered %s", method, answer).isFalse();
        return answer.path("result");
    }

    private static JsonNode answer(Path socket, String method, String params) throws IOException {
        return RawUnixHttp.post(socket,
                "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}").json();
    }

    private Manager start() {
        return Manager.start(home, PluginRegistry.of(List.of(new FilePluginProvider(), new VanillaPluginProvider(),
                new GroupControllerProvider())), Map.of(), Clock.systemUTC());
    }
}
