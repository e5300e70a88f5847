package io.infrakit.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command gives the same output, errors and exit code whichever way it runs: in the running manager (the
 * launcher's default), in its own JVM beside a running manager ({@code INFRAKIT_CLI_IN_MANAGER=no}), and, for those
 * that need none, with no manager at all. The same script runs in three homes that start alike, each from a working
 * directory holding the same files under relative names; the answers are compared byte for byte once each home's
 * path and the instances' random IDs are replaced by placeholders.
 */
class SameAnswerEverywhereE2E {

    private static final String TEMPLATE = "{\"ID\": \"web\", \"Properties\": {\"Allocation\": {\"Size\": ${size}},"
            + " \"Instance\": {\"Plugin\": \"simulator\", \"Properties\": {\"Note\": \"${note}\","
            // Each provision takes a second, so a wait sees every step of a scale-up however fast it looks.
            + " \"simulator_delay\": \"1s\"}},"
            + " \"Flavor\": {\"Plugin\": \"vanilla\"}}}";
    /** The template with size 2 and note "v1", as a plain spec. */
    private static final String WEB = TEMPLATE.replace("${size}", "2").replace("${note}", "v1");
    private static final String INVALID = "{\"ID\": \"web\", \"Properties\": {\"Allocation\": {\"Size\": \"five\"},"
            + " \"Instance\": {\"Plugin\": \"simulator\"}, \"Flavor\": {\"Plugin\": \"vanilla\"}}}";

    private Situation viaManager;
    private Situation ownJvm;
    private Situation noManager;

    @BeforeEach
    void threeHomes() throws IOException {
        viaManager = Situation.create("ik-same-a", Map.of());
        ownJvm = Situation.create("ik-same-b", Map.of("INFRAKIT_CLI_IN_MANAGER", "no"));
        noManager = Situation.create("ik-same-c", Map.of());
        for (Situation situation : List.of(viaManager, ownJvm)) {
            Launcher.Result started = situation.run(null, "manager", "start");
            assertThat(started.exitCode()).as(started.toString()).isZero();
        }
        assertThat(viaManager.home.resolve("cli.sock")).exists();
    }

    @AfterEach
    void removeHomes() throws IOException {
        for (Situation situation : List.of(viaManager, ownJvm, noManager)) {
            situation.close();
        }
    }

    @Test
    void everyCommandAnswersTheSameInTheManagerAsInItsOwnJvm() throws IOException {
        List<Step> script = List.of(
                new Step(null, "version"),
                new Step(null, "group", "ls"),
                // Settled before the next commits: their plans and progress lines depend on the instances there.
                new Step(WEB, "group", "commit", "--wait", "60s"),
                // A scale-up: a rolling update's progress lines are samples of a moving group and may differ.
                new Step(null, "group", "commit", "web.json.ftl", "--var", "size=3", "--var", "note=v1",
                        "--wait", "60s"),
                new Step(null, "group", "watch", "web", "--until-converged"),
                // After the group has settled: a plan made while instances are still being created depends on timing.
                new Step(null, "group", "commit", "web.json.ftl", "--var", "size=3", "--var", "note=v2",
                        "--pretend"),
                new Step(null, "group", "ls"),
                new Step(null, "group", "describe", "web"),
                new Step(null, "group", "scale", "web"),
                new Step(null, "group", "describe", "nope"),
                new Step(null, "group", "commit", "invalid.json"),
                new Step(null, "group", "commit", "missing.json"),
                new Step("", "group", "commit"),
                new Step(null, "group", "ls", "--no-such-option"),
                new Step(null, "instance", "describe", "--plugin", "nosuch"),
                new Step(null, "plugin", "ls"),
                // -v: one debug line per call to a plugin, on stderr in either JVM
                new Step(null, "-v", "plugin", "ls"),
                new Step(null, "template", "render", "web.json.ftl", "--var", "size=1", "--var", "note=n"),
                new Step(null, "help", "group"),
                new Step(null, "group", "commit", "--help"));
        for (Step step : script) {
            Launcher.Result inManager = viaManager.answer(step);
            Launcher.Result inOwnJvm = ownJvm.answer(step);
            assertThat(inManager).as("infrakit %s", step).isEqualTo(inOwnJvm);
            if (step.args()[0].equals("-v")) {
                assertThat(inManager.err()).as("infrakit %s", step)
                        .contains("[main] DEBUG io.infrakit.rpc.PluginClient - simulator Handshake.Hello: HTTP 200");
            }
        }

        String log = Files.readString(viaManager.home.resolve("manager.log"));
        assertThat(log).as("the commands ran in the manager, stdin and all")
                .contains("ran 'group commit' for the launcher (exit 0)")
                .contains("ran 'group watch' for the launcher (exit 0)")
                .contains("ran 'group describe' for the launcher")
                .contains("ran 'plugin ls' for the launcher (exit 0)")
                .contains("ran 'template render' for the launcher (exit 0)")
                .as("the manager's log keeps its level").doesNotContain(" DEBUG ");
        assertThat(Files.readString(ownJvm.home.resolve("manager.log"))).doesNotContain("for the launcher");
    }

    @Test
    void commandsThatNeedNoManagerAnswerTheSameWithoutOne() throws IOException {
        List<Step> script = List.of(
                new Step(null, "version"),
                new Step(null, "template", "render", "web.json.ftl", "--var", "size=1", "--var", "note=n"),
                new Step(null, "group", "commit", "missing.json"),
                new Step("", "group", "commit"),
                new Step(null, "group", "ls", "--no-such-option"),
                new Step(null, "help", "group"),
                new Step(null, "group", "commit", "--help"));
        for (Step step : script) {
            Launcher.Result inManager = viaManager.answer(step);
            Launcher.Result alone = noManager.answer(step);
            assertThat(inManager).as("infrakit %s", step).isEqualTo(alone);
        }
        assertThat(noManager.home.resolve("manager.lock")).as("nothing started a manager").doesNotExist();
    }

    @Test
    void stoppingTheManagerRemovesItsCommandSocketAndCommandsRunAlone() {
        Launcher.Result stopped = viaManager.run(null, "manager", "stop");
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();

        assertThat(viaManager.home.resolve("cli.sock")).doesNotExist();
        Launcher.Result plugins = viaManager.run(null, "plugin", "ls");
        assertThat(plugins.exitCode()).as(plugins.toString()).isZero();
        assertThat(plugins.err()).contains("started the manager");
    }

    private record Step(String stdin, String... args) {

        @Override
        public String toString() {
            return String.join(" ", args) + (stdin == null ? "" : " < stdin");
        }
    }

    /** A home, a working directory with the script's files, and a launcher started there. */
    private record Situation(TemporaryHome temporary, Path home, Launcher launcher) implements AutoCloseable {

        static Situation create(String prefix, Map<String, String> extraEnv) throws IOException {
            TemporaryHome temporary = TemporaryHome.create(prefix, extraEnv);
            Path work = temporary.resolve("work");
            Files.createDirectories(work);
            Files.writeString(work.resolve("web.json"), WEB);
            Files.writeString(work.resolve("web.json.ftl"), TEMPLATE);
            Files.writeString(work.resolve("invalid.json"), INVALID);
            return new Situation(temporary, temporary.root(), temporary.launcher().in(work));
        }

        Launcher.Result run(String stdin, String... args) {
            return launcher.runWithInput(stdin, args);
        }

        /** The answer with this home's path, the random instance IDs and -v's timings as placeholders. */
        Launcher.Result answer(Step step) {
            Launcher.Result result = run(step.stdin(), step.args());
            return new Launcher.Result(result.exitCode(), normal(result.out()), normal(result.err()));
        }

        private String normal(String text) {
            return text.replace(home.toString(), "$INFRAKIT_HOME").replaceAll("instance-[0-9a-f]{12}", "instance-ID")
                    .replaceAll(" in \\d+ ms\n", " in N ms\n");
        }

        @Override
        public void close() throws IOException {
            temporary.close();
        }
    }
}
