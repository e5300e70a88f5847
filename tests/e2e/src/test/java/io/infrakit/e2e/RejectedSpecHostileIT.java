package io.infrakit.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rejected specs of docs/security.md, through the real launcher (whose commands run inside the running
 * manager): each refusal has its exit code and one line, and nothing changes, across a restart too.
 */
class RejectedSpecHostileIT {

    private static final String GOOD = """
            {"ID": "cattle", "Properties": {"Allocation": {"Size": 2},
              "Instance": {"Plugin": "file", "Properties": {"Note": "v1"}},
              "Flavor": {"Plugin": "vanilla"}}}
            """;

    TemporaryHome home;
    Launcher infrakit;

    @BeforeEach
    void aConvergedGroup() throws IOException {
        home = TemporaryHome.create("ik-hostile", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "500ms"));
        infrakit = home.launcher();
        Launcher.Result committed = infrakit.run("group", "commit", write("good.json", GOOD).toString(), "--wait", "60s");
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        assertThat(home.instanceFiles()).hasSize(2);
    }

    @AfterEach
    void stopManagerAndRemoveHome() throws IOException {
        home.close();
    }

    @Test
    void sizeFiveIsRefusedAndAfterARestartTheGroupIsListedHealedAndDestroyed() throws IOException {
        Map<String, String> before = state();
        String listed = ls();

        Launcher.Result five = infrakit.run("group", "commit",
                write("five.json", GOOD.replace("\"Size\": 2", "\"Size\": \"five\"")).toString());

        assertOneLine(five, 3, "infrakit: Invalid properties: Allocation.Size: expected a non-negative integer, got \"five\"");
        assertThat(state()).isEqualTo(before);

        assertThat(infrakit.run("manager", "stop").exitCode()).isZero();
        assertThat(infrakit.run("manager", "start").exitCode()).isZero();
        assertThat(ls()).isEqualTo(listed);
        assertThat(state()).isEqualTo(before);

        Path lost = home.instanceFiles().get(0);
        Files.delete(lost);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(home.instanceFiles()).hasSize(2).doesNotContain(lost));
        Launcher.Result destroyed = infrakit.run("group", "destroy", "cattle");
        assertThat(destroyed.exitCode()).as(destroyed.toString()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(home.instanceFiles()).isEmpty());
    }

    @Test
    void anUnknownPluginIsExitFourAndLeavesNoPhantomAfterARestart() throws IOException {
        Map<String, String> before = state();
        String listed = ls();

        Launcher.Result commit = infrakit.run("group", "commit",
                write("ghost.json", GOOD.replace("cattle", "ghost").replace("\"file\"", "\"nosuch\"")).toString());
        Launcher.Result provision = infrakit.run("instance", "provision", "--plugin", "nosuch",
                write("instance.json", "{\"Properties\": {}}").toString());

        String instancePlugins =
                "aws, aws/ec2-instance, docker, file, qemu, simulator, simulator/compute, simulator/disk, simulator/net";
        assertOneLine(commit, 4, "infrakit: Failed to find Instance plugin 'nosuch':unknown plugin 'nosuch'; known: "
                + instancePlugins);
        assertOneLine(provision, 4, "infrakit: unknown plugin 'nosuch'; known: " + instancePlugins);
        assertThat(infrakit.run("manager", "stop").exitCode()).isZero();
        assertThat(infrakit.run("manager", "start").exitCode()).isZero();
        assertThat(ls()).isEqualTo(listed);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aSpecOnStdinThatIsNotUtf8IsRefusedWithItsOffset() throws IOException {
        Map<String, String> before = state();
        byte[] spec = GOOD.replace("cattle", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);

        Launcher.Result run = infrakit.runWithBytes(spec, "group", "commit", "-");

        assertOneLine(run, 3, "infrakit: <stdin>: not UTF-8: byte 0xE9 at offset 11");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void argumentsRunInsideTheManagerAreCheckedAsInTheirOwnJvm() throws IOException {
        Map<String, String> before = state();

        assertOneLine(infrakit.run("group", "describe", "red\u001b[31m"), 3, "infrakit: Group ID \"red\\u001B[31m\""
                + " holds a control character (U+001B) at position 4; use letters, digits, '.', '_' and '-', starting"
                + " with a letter or digit");
        assertOneLine(infrakit.run("group", "destroy", "two\nlines"), 3, "infrakit: Group ID \"two\\nlines\" holds a"
                + " control character (U+000A) at position 4; use letters, digits, '.', '_' and '-', starting with a"
                + " letter or digit");
        assertOneLine(infrakit.run("group", "scale", "cattle", "-5"), 2,
                "infrakit: group scale cattle: the size must be 0 or more, got -5");
        assertOneLine(infrakit.run("instance", "describe", "--plugin", "../x"), 2, "infrakit: --plugin: invalid plugin"
                + " name '../x': expected lookup[/type], the lookup of letters, digits, '.', '_' and '-'");
        assertOneLine(infrakit.run("group", "destroy-instances", "cattle", "instance-1"), 3,
                "infrakit: Group 'cattle' has no instance instance-1; nothing was destroyed");
        assertThat(state()).isEqualTo(before);
        assertThat(infrakit.run("group", "scale", "cattle").out()).isEqualTo("Group cattle at 2 instances\n");
    }

    private static void assertOneLine(Launcher.Result run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err()).as(run.toString()).isEqualTo(message + "\n");
        assertThat(run.out()).as(run.toString()).isEmpty();
    }

    private String ls() {
        Launcher.Result ls = infrakit.run("group", "ls");
        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.err()).as(ls.toString()).isEmpty();
        return ls.out();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(home.resolve(name), text);
    }

    /** The stored specs and revisions (the journal by name only), and every instance file with its content. */
    private Map<String, String> state() throws IOException {
        Map<String, String> state = new TreeMap<>();
        for (Path root : List.of(home.resolve("configs"), home.instanceDirectory())) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().startsWith(".")).toList()) {
                    state.put(home.root().relativize(file).toString(),
                            file.endsWith("journal.json") ? "" : Files.readString(file));
                }
            }
        }
        return state;
    }
}
