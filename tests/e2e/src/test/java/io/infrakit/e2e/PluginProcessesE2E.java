package io.infrakit.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plugins as processes of their own (docs/plugins-processes.md), through the launcher: the Python example instance
 * plugin and our vanilla flavor started as processes with {@code plugin start}, a group over them, the Java plugin
 * killed with SIGKILL and restarted by the manager while the group keeps its instances, then
 * {@code plugin stop --all} leaving no process and no socket behind. Which plugins run is the plugins config in
 * {@code src/test/resources/plugins/processes.yml}.
 */
class PluginProcessesE2E {

    static final String KILLED = "flavor-java";
    static final String SECOND = "py-instances";
    static final Path EXAMPLES = Launcher.ROOT.resolve("examples/plugins");

    TemporaryHome home;
    Launcher infrakit;

    @BeforeEach
    void freshHome() throws IOException {
        home = TemporaryHome.create("ik-proc", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "500ms"));
        infrakit = home.launcher();
        copy("processes.yml", "plugins.yml");
        copy("cattle-over-processes.json", "cattle.json");
    }

    @AfterEach
    void stopEverything() throws IOException {
        infrakit.run("plugin", "stop", "--all");
        home.close();
    }

    @Test
    void aKilledPluginProcessIsRestartedAndTheGroupKeepsItsInstances() throws Exception {
        Launcher.Result started = infrakit.run("plugin", "start", KILLED, SECOND);
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.out()).containsPattern("started " + KILLED + " \\(pid \\d+, log .*/logs/" + KILLED + "\\.log\\)")
                .containsPattern("started " + SECOND + " \\(pid \\d+, log .*\\)");
        long pid = pid(started.out(), KILLED);
        long secondPid = pid(started.out(), SECOND);
        assertThat(ProcessHandle.of(pid)).as("the plugin runs as a process of its own").isPresent();
        assertThat(ProcessHandle.current().pid()).isNotEqualTo(pid);

        Launcher.Result committed = infrakit.run("group", "commit", home.resolve("cattle.json").toString(), "--wait", "60s");
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        List<String> before = instanceIds();
        assertThat(before).hasSize(3);

        ProcessHandle plugin = ProcessHandle.of(pid).orElseThrow();
        assertThat(plugin.destroyForcibly()).isTrue();
        plugin.onExit().get();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Launcher.Result listed = infrakit.run("plugin", "ls");
            assertThat(listed.out()).containsPattern(KILLED + "\\s+process\\s+Flavor/0\\.1\\.1\\s+\\d+\\s+\\S+\\s+1\\s+ok");
        });
        long restartedPid = pid(infrakit.run("plugin", "ls").out(), KILLED);
        assertThat(restartedPid).isNotEqualTo(pid);
        assertThat(ProcessHandle.of(secondPid)).as("the other plugin process was left alone").isPresent();

        Launcher.Result converged = infrakit.run("group", "commit", home.resolve("cattle.json").toString(), "--wait", "60s");
        assertThat(converged.exitCode()).as(converged.toString()).isZero();
        assertThat(instanceIds()).as("no instance replaced while the plugin restarted").isEqualTo(before);
        Launcher.Result described = infrakit.run("group", "describe", "cattle");
        before.forEach(id -> assertThat(described.out()).contains(id));

        Launcher.Result stopped = infrakit.run("plugin", "stop", "--all");
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
        assertThat(stopped.out()).isEqualTo("stopped " + KILLED + "\nstopped " + SECOND + "\n");
        assertThat(ProcessHandle.of(restartedPid)).as("no plugin process left").isEmpty();
        assertThat(ProcessHandle.of(secondPid)).as("no plugin process left").isEmpty();
        assertThat(home.resolve("plugins/" + KILLED)).as("no socket left").doesNotExist();
        assertThat(home.resolve("plugins/" + SECOND)).as("no socket left").doesNotExist();
        assertThat(Files.readString(home.resolve("manager.yml"))).doesNotContain("processes");
    }

    @Test
    void aGroupWaitsForItsRestartingPluginAndSaysSo() throws Exception {
        assertThat(infrakit.run("plugin", "start", KILLED, SECOND).exitCode()).isZero();
        assertThat(infrakit.run("group", "commit", home.resolve("cattle.json").toString(), "--wait", "60s").exitCode())
                .isZero();
        List<String> before = instanceIds();
        long pid = pid(infrakit.run("plugin", "ls").out(), KILLED);
        ProcessHandle plugin = ProcessHandle.of(pid).orElseThrow();
        plugin.destroyForcibly();
        plugin.onExit().get();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Launcher.Result described = infrakit.run("group", "describe", "cattle");
            assertThat(described.out() + described.err()).as(described.toString())
                    .contains("plugin '" + KILLED + "' is unavailable: restarting");
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(infrakit.run("plugin", "ls").out()).containsPattern(KILLED + "\\s+process\\s+\\S+\\s+\\d+\\s+\\S+\\s+1\\s+ok"));
        assertThat(infrakit.run("group", "commit", home.resolve("cattle.json").toString(), "--wait", "60s").exitCode())
                .isZero();
        assertThat(instanceIds()).isEqualTo(before);
    }

    /** The pid {@code plugin start} or {@code plugin ls} printed for a plugin. */
    private static long pid(String out, String plugin) {
        Matcher started = Pattern.compile("started " + plugin + " \\(pid (\\d+)").matcher(out);
        if (started.find()) {
            return Long.parseLong(started.group(1));
        }
        Matcher listed = Pattern.compile("(?m)^" + plugin + "\\s+process\\s+\\S+\\s+(\\d+)").matcher(out);
        assertThat(listed.find()).as(out).isTrue();
        return Long.parseLong(listed.group(1));
    }

    /** The IDs of the group's instances: the Python plugin's files, one per instance. */
    private List<String> instanceIds() throws IOException {
        Path directory = home.resolve("instances/" + SECOND);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("instance-"))
                    .sorted().toList();
        }
    }

    private void copy(String resource, String target) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/plugins/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(home.resolve(target), text.replace("EXAMPLES", EXAMPLES.toString()));
        }
    }
}
