package io.infrakit.cli.plugin;

import io.infrakit.cli.CliHome;
import io.infrakit.cli.CliHome.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A plugin process that answers its handshakes for a second and then crashes, again and again: the manager restarts it with a
 * growing backoff, gives up after five restarts in a row, and {@code plugin ls} says so (docs/plugins-processes.md).
 */
class PluginProcessGiveUpIT {

    CliHome home;

    @BeforeEach
    void config() throws IOException {
        home = CliHome.create("ik-giveup", Map.of());
        Files.writeString(home.resolve("plugins.yml"), "plugins:\n  crasher:\n    command: python3\n    args: [crasher.py]\n");
        // Answers every handshake for a second (plugin ls asks too), then crashes.
        Files.writeString(home.resolve("crasher.py"), """
                import os, socket, sys, time
                server = socket.socket(socket.AF_UNIX)
                server.bind(os.environ["INFRAKIT_PLUGIN_SOCKET"])
                server.listen()
                server.settimeout(0.05)
                body = b'{"jsonrpc":"2.0","result":{"Objects":{"Instance/0.6.1":[{"Name":"","ProxyFor":""}]}},"id":1}'
                end = time.monotonic() + 1.0
                while time.monotonic() < end:
                    try:
                        connection, _ = server.accept()
                    except socket.timeout:
                        continue
                    connection.settimeout(1)
                    connection.recv(65536)
                    connection.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nContent-Length: "
                                       + str(len(body)).encode() + b"\\r\\n\\r\\n" + body)
                    connection.close()
                print("crashing after a second", flush=True)
                sys.exit(1)
                """);
    }

    @AfterEach
    void remove() {
        home.close();
    }

    @Test
    void aPluginThatKeepsCrashingIsRestartedFiveTimesThenLeftStoppedAndSaysSo() throws IOException {
        Run started = home.run("plugin", "start", "crasher");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.out()).startsWith("started crasher (pid ");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(home.run("plugin", "ls").out()).containsPattern("crasher\\s+process\\s+-\\s+-\\s+-\\s+5\\s+"
                        + "gave-up: gave up after 5 restarts \\(crashed \\(exited with code 1\\)\\)"));
        assertThat(home.resolve("plugins/crasher")).as("no socket left behind").doesNotExist();
        assertThat(Files.readString(home.resolve("logs/crasher.log")).lines())
                .as("each of the six runs wrote to the plugin's log").containsOnly("crashing after a second")
                .hasSize(6);

        Run stopped = home.run("plugin", "stop", "crasher");
        assertThat(stopped.out()).isEqualTo("stopped crasher\n");
        assertThat(home.run("plugin", "ls").out()).doesNotContain("crasher");
    }
}
