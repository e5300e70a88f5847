package io.infrakit.cli.manager;

import io.infrakit.cli.ExitCode;
import io.infrakit.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code manager logs}: the manager's log, with or without a manager running. */
class ManagerLogsCommandTest {

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("INFRAKIT_HOME", home.toString()), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void withoutALogItSaysWhereItLookedAndExitsSeven() {
        Run run = run("manager", "logs");

        assertThat(run.exitCode()).isEqualTo(ExitCode.MANAGER);
        assertThat(run.err()).isEqualTo("infrakit: no manager log at " + home.resolve("manager.log")
                + ": no manager has been started in this home ('infrakit manager start' starts one)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void printsTheLogOfAManagerThatNoLongerRuns() throws Exception {
        Files.writeString(home.resolve("manager.log"), "2026-12-01T10:00:00.000Z [main] INFO a - one\n\nlast, unfinished");

        Run run = run("manager", "logs");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("2026-12-01T10:00:00.000Z [main] INFO a - one\n\nlast, unfinished\n");
    }

    @Test
    void controlCharactersInTheLogDoNotReachTheTerminal() throws Exception {
        Files.writeString(home.resolve("manager.log"), "plugin said \u001b[2Jhello\n");

        assertThat(run("manager", "logs").out()).doesNotContain("\u001b").contains("hello");
    }

    @Test
    void followPrintsWhatTheManagerAddsUntilStopped() throws Exception {
        Path log = home.resolve("manager.log");
        Files.writeString(log, "first\n");
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread follower = new Thread(() -> exitCode.set(Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
                Map.of("INFRAKIT_HOME", home.toString()), "manager", "logs", "-f")));
        follower.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().equals("first\n"));
            Files.writeString(log, "second, written in ", StandardOpenOption.APPEND);
            Files.writeString(log, "two parts\n", StandardOpenOption.APPEND);

            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().equals("first\nsecond, written in two parts\n"));
        } finally {
            follower.interrupt();
            follower.join();
        }
        assertThat(exitCode.get()).isZero();
    }
}
