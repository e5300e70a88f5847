package io.infrakit.cli;

import io.infrakit.manager.BuildIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * -v on a command the manager runs for the launcher (docs/cli.md, "Help, logs, version"): its debug lines come back
 * on the caller's stderr, and the manager's log keeps its own level. Asked with curl as the launcher asks.
 */
class VerboseInTheManagerIT {

    private static final String DEBUG_LINE = "[main] DEBUG io.infrakit.rpc.PluginClient - simulator Handshake.Hello";

    private CliHome home;

    @BeforeEach
    void startTheManager() throws IOException {
        home = CliHome.create("ik-verbose", Map.of());
        CliHome.Run started = home.run("manager", "start");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        // The manager is ready once its plugins serve; the launcher's socket follows.
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(home.resolve("cli.sock")));
    }

    @AfterEach
    void stopAndRemove() {
        home.close();
    }

    @Test
    void vBeforeOrAfterTheCommandShowsItsDebugLinesToItsCallerAlone() throws Exception {
        for (List<String> args : List.of(List.of("plugin", "ls", "-v"), List.of("-v", "plugin", "ls"))) {
            String answer = runInTheManager(args);

            assertThat(answer).as("%s", args).contains("e ").contains(DEBUG_LINE).endsWith("x 0\n");
        }
        assertThat(Files.readString(home.resolve("manager.log")))
                .contains("ran 'plugin ls' for the launcher (exit 0)")
                .doesNotContain("DEBUG");
    }

    @Test
    void withoutVNeitherTheCallerNorTheManagersLogSeesThem() throws Exception {
        String answer = runInTheManager(List.of("plugin", "ls"));

        assertThat(answer).contains("simulator").doesNotContain("DEBUG").endsWith("x 0\n");
        assertThat(Files.readString(home.resolve("manager.log")))
                .contains("ran 'plugin ls' for the launcher (exit 0)")
                .doesNotContain("DEBUG");
    }

    /** The frames the manager answers, as the launcher posts a command to cli.sock. */
    private String runInTheManager(List<String> args) throws Exception {
        StringBuilder body = new StringBuilder(home + "\0" + args.size() + "\0");
        args.forEach(arg -> body.append(arg).append('\0'));
        body.append("INFRAKIT_HOME=").append(home).append('\0').append('\0');
        Process curl = new ProcessBuilder("curl", "-sS", "-N", "--unix-socket", home.resolve("cli.sock").toString(),
                "-H", "X-Infrakit-Build: " + BuildIdentity.ofRunningCode(), "-H", "X-Infrakit-Session: s",
                "-H", "X-Infrakit-Stdin: 0", "--data-binary", "@-", "http://manager/run")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var input = curl.getOutputStream()) {
            input.write(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
