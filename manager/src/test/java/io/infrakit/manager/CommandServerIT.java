package io.infrakit.manager;

import ch.qos.logback.core.ConsoleAppender;
import io.infrakit.engine.InfrakitHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The manager's command server on a real unix socket, asked with curl as the launcher asks it. */
class CommandServerIT {

    private static final String BUILD = "test-build";

    private Path home;
    private CommandServer server;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Invocation> ran = new CopyOnWriteArrayList<>();
    private final CyclicBarrier bothLogging = new CyclicBarrier(2);

    private static final Logger LOG = LoggerFactory.getLogger(CommandServerIT.class);

    @BeforeEach
    void serve() throws IOException {
        home = Files.createTempDirectory(Path.of("/tmp"), "ik-cmds");
        server = CommandServer.start(InfrakitHome.resolve(Optional.of(home), Map.of()), BUILD, new ScriptedCli())
                .orElseThrow();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aCommandsOutputErrorsAndExitCodeComeBackAsFrames() throws Exception {
        String answer = post(BUILD, false, "", "echo", "hello");

        assertThat(answer).isEqualTo("o 6\nhello\ne 5\noops\nx 3\n");
        assertThat(ran).singleElement().satisfies(invocation -> {
            assertThat(invocation.workingDirectory()).isEqualTo(Path.of("/work"));
            assertThat(invocation.environment()).containsEntry("INFRAKIT_HOME", home.toString());
        });
    }

    @Test
    void aCommandThatReadsStdinIsAskedForItAndThenGetsIt() throws Exception {
        assertThat(post(BUILD, false, "", "cat")).isEqualTo("i\n");
        assertThat(ran).isEmpty();

        assertThat(post(BUILD, true, "a spec\n", "cat")).isEqualTo("o 7\na spec\nx 0\n");
    }

    @Test
    void anotherBuildAnotherHomeOrACallerCommandIsSentBack() throws Exception {
        assertThat(post("another-build", false, "", "echo")).isEqualTo("l\n");
        assertThat(post(BUILD, false, "", "local")).isEqualTo("l\n");
        assertThat(post(BUILD, false, "", Map.of("INFRAKIT_HOME", "/elsewhere"), "echo")).isEqualTo("l\n");
        assertThat(ran).isEmpty();
    }

    @Test
    void aCancelInterruptsTheRunningCommand() throws Exception {
        Process waiting = curl(BUILD, false, "", Map.of("INFRAKIT_HOME", home.toString()), "session-1", "wait");
        await().atMost(10, TimeUnit.SECONDS).until(() -> !ran.isEmpty());

        Process cancel = new ProcessBuilder("curl", "-sS", "--unix-socket", home.resolve("cli.sock").toString(),
                "-H", "X-Infrakit-Session: session-1", "-X", "POST", "http://manager/cancel").start();
        assertThat(cancel.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the command saw the interrupt").isTrue();
        assertThat(waiting.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(waiting.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).endsWith("x 130\n");
    }

    @Test
    void aVerboseCommandsDebugLinesGoToItsCallerAloneAndNotToTheManagersLog() throws Exception {
        ByteArrayOutputStream managerLog = new ByteArrayOutputStream();
        managerLogTo(managerLog);
        try {
            Process loud = curl(BUILD, false, "", Map.of("INFRAKIT_HOME", home.toString()), "s1", "log", "-v", "loud");
            Process quiet = curl(BUILD, false, "", Map.of("INFRAKIT_HOME", home.toString()), "s2", "log", "quiet");
            String loudAnswer = answer(loud);
            String quietAnswer = answer(quiet);

            assertThat(loudAnswer).contains("[main] DEBUG " + CommandServerIT.class.getName() + " - before loud\n")
                    .contains("[main] DEBUG " + CommandServerIT.class.getName() + " - after loud\n")
                    .contains("[main] INFO " + CommandServerIT.class.getName() + " - info loud\n")
                    .doesNotContain("quiet").endsWith("x 0\n");
            assertThat(quietAnswer).contains("[main] INFO " + CommandServerIT.class.getName() + " - info quiet\n")
                    .doesNotContain("DEBUG").doesNotContain("loud").endsWith("x 0\n");
            assertThat(managerLog.toString(StandardCharsets.UTF_8))
                    .contains("INFO " + CommandServerIT.class.getName() + " - info loud")
                    .contains("INFO " + CommandServerIT.class.getName() + " - info quiet")
                    .doesNotContain("DEBUG");
        } finally {
            managerLogTo(new FilterOutputStream(System.err) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            });
        }
    }

    @Test
    void withoutVACommandRunsAtTheManagersLevel() throws Exception {
        String answer = post(BUILD, false, "", "log", "plain");

        assertThat(answer).contains("INFO " + CommandServerIT.class.getName() + " - info plain\n")
                .doesNotContain("DEBUG");
    }

    /** The manager's log is what {@link LogSetup}'s stderr appender writes. */
    private static void managerLogTo(OutputStream stream) {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ((ConsoleAppender<?>) root.getAppender("stderr")).setOutputStream(stream);
    }

    private static String answer(Process curl) throws Exception {
        assertThat(curl.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private String post(String build, boolean withStdin, String stdin, String... args) throws Exception {
        return post(build, withStdin, stdin, Map.of("INFRAKIT_HOME", home.toString()), args);
    }

    private String post(String build, boolean withStdin, String stdin, Map<String, String> environment,
                        String... args) throws Exception {
        Process curl = curl(build, withStdin, stdin, environment, "s", args);
        assertThat(curl.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private Process curl(String build, boolean withStdin, String stdin, Map<String, String> environment,
                         String session, String... args) throws IOException {
        StringBuilder body = new StringBuilder("/work\0" + args.length + "\0");
        for (String arg : args) {
            body.append(arg).append('\0');
        }
        environment.forEach((name, value) -> body.append(name).append('=').append(value).append('\0'));
        body.append('\0');
        if (withStdin) {
            body.append(stdin);
        }
        Process curl = new ProcessBuilder("curl", "-sS", "-N", "--unix-socket", home.resolve("cli.sock").toString(),
                "-H", "X-Infrakit-Build: " + build, "-H", "X-Infrakit-Session: " + session,
                "-H", "X-Infrakit-Stdin: " + (withStdin ? 1 : 0), "--data-binary", "@-", "http://manager/run")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var input = curl.getOutputStream()) {
            input.write(body.toString().getBytes(StandardCharsets.UTF_8));
        }
        return curl;
    }

    /**
     * echo prints its arguments and fails with 3; cat copies stdin; wait blocks until interrupted; local runs in the
     * caller; log [-v] WORD logs at debug and info, the two of them at once taking turns, as the CLI does with -v.
     */
    private final class ScriptedCli implements CommandRunner {

        @Override
        public Prepared prepare(Invocation invocation, PrintWriter out, PrintWriter err) {
            Placement placement = switch (invocation.args().get(0)) {
                case "local" -> Placement.CALLER;
                case "cat" -> Placement.NEEDS_STDIN;
                default -> Placement.HERE;
            };
            return new Prepared() {
                @Override
                public Placement placement() {
                    return placement;
                }

                @Override
                public int run() {
                    return ScriptedCli.this.run(invocation, out, err);
                }
            };
        }

        private int log(List<String> args) {
            if (args.contains("-v")) {
                CommandLog.raiseInfrakitLevel(Level.DEBUG);
            }
            String word = args.get(args.size() - 1);
            try {
                LOG.debug("before {}", word);
                LOG.info("info {}", word);
                if (!"plain".equals(word)) {
                    // Both commands are running now: what each logs from here on is logged side by side.
                    bothLogging.await(10, TimeUnit.SECONDS);
                }
                LOG.debug("after {}", word);
                return 0;
            } catch (Exception e) {
                return 1;
            }
        }

        private int run(Invocation invocation, PrintWriter out, PrintWriter err) {
            ran.add(invocation);
            switch (invocation.args().get(0)) {
                case "echo" -> {
                    out.println(String.join(" ", invocation.args().subList(1, invocation.args().size())));
                    err.println("oops");
                    return 3;
                }
                case "log" -> {
                    return log(invocation.args());
                }
                case "cat" -> {
                    out.print(new String(invocation.stdin().orElseThrow(), StandardCharsets.UTF_8));
                    return 0;
                }
                default -> {
                    try {
                        new CountDownLatch(1).await();
                        return 0;
                    } catch (InterruptedException e) {
                        cancelled.countDown();
                        return 130;
                    }
                }
            }
        }
    }
}
