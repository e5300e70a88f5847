package io.infrakit.rpc;

import io.infrakit.rpc.CannedPluginServer.Canned;
import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.instance.InstanceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a client reports when the other side is missing, dead, slow or not speaking JSON-RPC. */
class PluginClientIT {

    private static final String HELLO = "{\"jsonrpc\":\"2.0\",\"result\":{\"Objects\":{"
            + "\"Instance/0.6.1\":[{\"Name\":\".\",\"ProxyFor\":\"\"}]}},\"id\":1}";

    @TempDir
    Path directory;

    @Test
    void aMissingSocketMeansThePluginIsUnavailable() {
        Path socket = directory.resolve("ghost");

        assertThatThrownBy(() -> new PluginClient("ghost", socket).call("Instance.Validate", Map.of()))
                .isInstanceOfSatisfying(PluginUnavailableException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("ghost");
                    assertThat(e.socket()).isEqualTo(socket);
                })
                .hasMessage("plugin 'ghost' is unavailable: socket " + socket + " does not exist");
    }

    @Test
    void aSocketNobodyListensOnMeansThePluginIsUnavailable() throws Exception {
        Path socket = directory.resolve("dead");
        PluginServerIT.leaveStaleSocket(socket);

        assertThatThrownBy(() -> new PluginClient("dead", socket).hello())
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessage("plugin 'dead' is unavailable: nothing listens on socket " + socket + " (connection refused)");
    }

    @Test
    void anAnswerThatIsNotJsonIsThePluginsFault() throws Exception {
        Path socket = directory.resolve("html");
        try (CannedPluginServer server = CannedPluginServer.start(socket,
                method -> new Canned(200, "text/html", "<html>oops</html>"))) {
            assertThatThrownBy(() -> new PluginClient("html", server.socket()).call("Instance.Validate", Map.of()))
                    .isExactlyInstanceOf(PluginException.class)
                    .hasMessage("malformed answer (not JSON): <html>oops</html>")
                    .satisfies(e -> {
                        assertThat(((PluginException) e).plugin()).isEqualTo("html");
                        assertThat(((PluginException) e).operation()).isEqualTo("Instance.Validate");
                    });
        }
    }

    @Test
    void anHttpErrorIsThePluginsFault() throws Exception {
        Path socket = directory.resolve("broken");
        try (CannedPluginServer server = CannedPluginServer.start(socket,
                method -> new Canned(500, "text/plain", "internal trouble"))) {
            assertThatThrownBy(() -> new PluginClient("broken", server.socket()).call("Group.Size", Map.of()))
                    .isExactlyInstanceOf(PluginException.class)
                    .hasMessage("unexpected answer: HTTP 500 internal trouble");
        }
    }

    @Test
    void jsonThatIsNotAJsonRpcAnswerIsThePluginsFault() throws Exception {
        Path socket = directory.resolve("odd");
        try (CannedPluginServer server = CannedPluginServer.start(socket, method -> Canned.json(
                method.equals("Handshake.Hello") ? HELLO : "{\"jsonrpc\":\"2.0\",\"result\":{\"ID\":{\"x\":1}},\"id\":2}"))) {
            PluginClient client = new PluginClient("odd", server.socket());
            RemoteInstancePlugin plugin = new RemoteInstancePlugin(client, PluginName.parse("odd"));

            assertThatThrownBy(() -> plugin.provision(InstanceSpec.of(Any.empty(), Map.of())))
                    .isExactlyInstanceOf(PluginException.class)
                    .hasMessageStartingWith("malformed answer: ");
        }
        try (CannedPluginServer server = CannedPluginServer.start(socket, method -> Canned.json("[1]"))) {
            assertThatThrownBy(() -> new PluginClient("odd", server.socket()).call("Instance.Validate", Map.of()))
                    .isExactlyInstanceOf(PluginException.class)
                    .hasMessage("malformed answer (not a JSON-RPC response): [1]");
        }
        try (CannedPluginServer server = CannedPluginServer.start(socket,
                method -> Canned.json("{\"jsonrpc\":\"2.0\",\"id\":1}"))) {
            assertThatThrownBy(() -> new PluginClient("odd", server.socket()).call("Instance.Validate", Map.of()))
                    .isExactlyInstanceOf(PluginException.class)
                    .hasMessageStartingWith("malformed answer (no result)");
        }
    }

    @Test
    void aGoErrorWithoutDataIsAPluginExceptionWithItsMessage() throws Exception {
        Path socket = directory.resolve("go");
        try (CannedPluginServer server = CannedPluginServer.start(socket, method -> Canned.json(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"not a leader\",\"data\":null},\"id\":1}"))) {
            assertThatThrownBy(() -> new PluginClient("go", server.socket()).call("Group.CommitGroup", Map.of()))
                    .isExactlyInstanceOf(PluginException.class)
                    .hasMessage("not a leader");
        }
    }

    @Test
    void aPluginThatDoesNotAnswerInTimeIsReported() throws Exception {
        Path socket = directory.resolve("slow");
        CountDownLatch release = new CountDownLatch(1);
        CannedPluginServer slow = CannedPluginServer.start(socket, method -> {
            awaitQuietly(release);
            return Canned.json(HELLO);
        });
        try {
            PluginClient client = new PluginClient("slow", socket, Duration.ofMillis(300));

            assertThatThrownBy(client::hello)
                    .isExactlyInstanceOf(PluginException.class)
                    .hasMessage("no answer within 300ms");
        } finally {
            // Released before the server stops, so stopping does not wait for the parked request.
            release.countDown();
            slow.close();
        }
    }

    @Test
    void theTimeoutComesFromInfrakitsSetting() {
        assertThat(PluginClient.timeoutFrom(Map.of())).isEqualTo(Duration.ofSeconds(15));
        assertThat(PluginClient.timeoutFrom(Map.of("INFRAKIT_CLIENT_TIMEOUT", "1m30s"))).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> PluginClient.timeoutFrom(Map.of("INFRAKIT_CLIENT_TIMEOUT", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("INFRAKIT_CLIENT_TIMEOUT=soon: invalid duration \"soon\"");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
