package io.infrakit.cli.plugin;

import io.infrakit.cli.CliHome;
import io.infrakit.cli.CliHome.Run;
import io.infrakit.cli.ExitCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plugin processes that do not start, and a plugins config that is wrong: {@code plugin start NAME} exits with its
 * code and one line naming the plugin (and its log), and nothing changes: the manager's config, the sockets, the
 * supervised processes are as before, and no process is left running.
 */
class PluginProcessHostileIT {

    CliHome home;
    String socketsBefore;

    @BeforeEach
    void managerRunning() throws IOException {
        home = CliHome.create("ik-pproc", Map.of("INFRAKIT_PLUGIN_START_TIMEOUT", "2s"));
        Files.writeString(home.resolve("plugins.yml"), """
                plugins:
                  missing:
                    command: /no/such/program
                  quitter:
                    command: /bin/sh
                    args: [-c, "echo giving up at once; exit 3"]
                  silent:
                    command: /bin/sleep
                    args: ["617"]
                  liar:
                    command: python3
                    args: [liar.py]
                  simulator:
                    command: /bin/sleep
                    args: ["618"]
                """);
        Files.writeString(home.resolve("liar.py"), """
                import os, socket
                server = socket.socket(socket.AF_UNIX)
                server.bind(os.environ["INFRAKIT_PLUGIN_SOCKET"])
                server.listen()
                while True:
                    connection, _ = server.accept()
                    connection.recv(65536)
                    body = b"this is not JSON-RPC"
                    connection.sendall(b"HTTP/1.1 200 OK\\r\\nContent-Type: application/json\\r\\nContent-Length: "
                                       + str(len(body)).encode() + b"\\r\\n\\r\\n" + body)
                    connection.close()
                """);
        Run started = home.run("manager", "start");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        socketsBefore = sockets();
    }

    @AfterEach
    void remove() {
        home.close();
    }

    @Test
    void aCommandThatDoesNotExist() throws IOException {
        assertRefused(home.run("plugin", "start", "missing"), ExitCode.PLUGIN, "infrakit: plugin 'missing' cannot run "
                + "'/no/such/program': No such file or directory; see " + home.resolve("logs/missing.log"));
    }

    @Test
    void aPluginThatExitsAtOnce() throws IOException {
        assertRefused(home.run("plugin", "start", "quitter"), ExitCode.PLUGIN, "infrakit: plugin 'quitter' exited with "
                + "code 3 before its socket answered; see " + home.resolve("logs/quitter.log"));
        assertThat(Files.readString(home.resolve("logs/quitter.log"))).isEqualTo("giving up at once\n");
    }

    @Test
    void aPluginThatNeverAnswersTheHandshakeIsStopped() throws IOException {
        assertRefused(home.run("plugin", "start", "silent"), ExitCode.PLUGIN, "infrakit: plugin 'silent' never answered "
                + "the handshake within 2s; see " + home.resolve("logs/silent.log"));
        assertThat(running("617")).as("the silent plugin was killed").isFalse();
    }

    @Test
    void aPluginThatAnswersWithABadHandshakeIsStopped() throws IOException {
        Run refused = home.run("plugin", "start", "liar");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.PLUGIN);
        assertThat(refused.err()).startsWith("infrakit: plugin 'liar' answered the handshake wrongly: ")
                .endsWith("; see " + home.resolve("logs/liar.log") + "\n")
                .hasLineCount(1);
        assertNothingChanged();
        assertThat(running("liar.py")).as("the lying plugin was killed").isFalse();
    }

    @Test
    void aConfigWithAnUnknownField() throws IOException {
        Files.writeString(home.resolve("plugins.yml"), "plugins:\n  py:\n    comand: python3\n");
        assertRefused(home.run("plugin", "start", "py"), ExitCode.INVALID_SPEC, "infrakit: " + home.resolve("plugins.yml")
                + ":3:5: unknown field 'comand'; did you mean 'command'?");
    }

    @Test
    void aNameARunningPluginAnswersTo() throws IOException {
        Run refused = home.run("plugin", "start", "simulator");
        String pid = Files.readString(home.resolve("manager.pid")).trim();
        assertRefused(refused, ExitCode.MANAGER, "infrakit: plugin 'simulator' is already running (pid " + pid + ") on "
                + home.resolve("plugins/simulator") + "; give the process another name in " + home.resolve("plugins.yml"));
        assertThat(running("618")).isFalse();
    }

    private void assertRefused(Run run, int exitCode, String message) throws IOException {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err()).as(run.toString()).isEqualTo(message + "\n");
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertNothingChanged();
    }

    private void assertNothingChanged() throws IOException {
        assertThat(home.resolve("manager.yml")).as("no process added to the manager's config").doesNotExist();
        assertThat(sockets()).as("no socket added or removed").isEqualTo(socketsBefore);
        assertThat(Files.readString(home.resolve("plugin-processes.json")).strip()).as("nothing supervised")
                .isEqualTo("[ ]");
        Run listed = home.run("plugin", "ls");
        assertThat(listed.out()).doesNotContain("process");
    }

    private String sockets() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("plugins"))) {
            return String.join(" ", files.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    private static boolean running(String argument) {
        return ProcessHandle.allProcesses().anyMatch(process -> process.info().arguments()
                .map(arguments -> List.of(arguments).contains(argument)).orElse(false));
    }
}
