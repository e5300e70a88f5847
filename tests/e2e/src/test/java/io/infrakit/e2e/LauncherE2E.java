package io.infrakit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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

/** The launcher as a user runs it: manager, plugins, instances, bad input, crashes. */
class LauncherE2E {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    TemporaryHome home;
    Launcher infrakit;

    @BeforeEach
    void freshHome() throws IOException {
        home = TemporaryHome.create("ik-e2e", Map.of());
        infrakit = home.launcher();
    }

    @AfterEach
    void stopManagerAndRemoveHome() throws IOException {
        home.close();
    }

    @Test
    void versionPrintsTheVersion() {
        Launcher.Result result = infrakit.run("version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).matches("infrakit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit \\S+, built \\S+\\)\\n");
    }

    @Test
    void provisionsDescribesAndDestroysThroughTheManagerAndLeavesNothingBehind() throws Exception {
        Launcher.Result started = infrakit.run("manager", "start");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.out()).startsWith("manager started (pid ");

        Launcher.Result plugins = infrakit.run("plugin", "ls");
        assertThat(plugins.exitCode()).as(plugins.toString()).isZero();
        assertThat(plugins.out())
                .containsPattern("simulator\\s+simulator\\s+Instance/0\\.6\\.1\\s+-\\s+-\\s+-\\s+ok\\s+" + home.resolve("plugins/simulator"))
                .containsPattern("file\\s+file\\s+Instance/0\\.6\\.1\\s+-\\s+-\\s+-\\s+ok\\s+" + home.resolve("plugins/file"))
                .containsPattern("vanilla\\s+vanilla\\s+Flavor/0\\.1\\.1\\s+-\\s+-\\s+-\\s+ok\\s+" + home.resolve("plugins/vanilla"))
                .containsPattern("group\\s+manager\\s+Group/0\\.1\\.1\\s+-\\s+-\\s+-\\s+ok\\s+" + home.resolve("plugins/group"));

        Path spec = home.resolve("spec.json");
        Files.writeString(spec, "{\"Properties\":{\"Note\":\"hello\"},\"Tags\":{\"tier\":\"web\"},\"Init\":\"echo hi\"}");
        Launcher.Result provisioned = infrakit.run("instance", "provision", "--plugin", "simulator", spec.toString());
        assertThat(provisioned.exitCode()).as(provisioned.toString()).isZero();
        String id = provisioned.out().trim();
        assertThat(id).isNotBlank().doesNotContain(" ");

        Launcher.Result asJson = infrakit.run("instance", "describe", "--plugin", "simulator", "--tags", "tier=web",
                "-o", "json");
        assertThat(asJson.exitCode()).as(asJson.toString()).isZero();
        JsonNode described = JSON.readTree(asJson.out());
        assertThat(described).hasSize(1);
        assertThat(described.get(0).get("ID").asText()).isEqualTo(id);
        assertThat(described.get(0).get("Tags").get("tier").asText()).isEqualTo("web");

        Launcher.Result asYaml = infrakit.run("instance", "describe", "--plugin", "simulator", "-o", "yaml",
                "--properties");
        assertThat(asYaml.exitCode()).as(asYaml.toString()).isZero();
        JsonNode fromYaml = YAML.readTree(asYaml.out());
        assertThat(fromYaml.get(0).get("ID").asText()).isEqualTo(id);
        assertThat(fromYaml.get(0).get("Properties").get("Note").asText()).isEqualTo("hello");

        Launcher.Result destroyed = infrakit.run("instance", "destroy", "--plugin", "simulator", id);
        assertThat(destroyed.exitCode()).as(destroyed.toString()).isZero();
        assertThat(JSON.readTree(infrakit.run("instance", "describe", "--plugin", "simulator", "-o", "json").out()))
                .isEmpty();

        Launcher.Result stopped = infrakit.run("manager", "stop");
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
        assertThat(stopped.out()).isEqualTo("manager stopped\n");
        assertThat(listing(home.resolve("plugins"))).as("sockets and pid files left behind").isEmpty();
        assertThat(listing(home.root())).doesNotContain("manager.pid", "manager.ready");
        assertThat(infrakit.run("manager", "status").exitCode()).isEqualTo(7);
    }

    @Test
    void theFilePluginKeepsOneFilePerInstance() throws Exception {
        Path spec = home.resolve("spec.yml");
        Files.writeString(spec, "Properties:\n  Disk: 10\nTags:\n  role: db\n");

        Launcher.Result provisioned = infrakit.run("instance", "provision", "--plugin", "file", spec.toString());
        assertThat(provisioned.exitCode()).as(provisioned.toString()).isZero();
        assertThat(provisioned.err()).contains("started the manager");
        String id = provisioned.out().trim();
        Path file = home.instanceDirectory().resolve(id);
        assertThat(file).exists();
        assertThat(JSON.readTree(file.toFile()).get("Tags").get("role").asText()).isEqualTo("db");

        Launcher.Result destroyed = infrakit.run("instance", "destroy", "--plugin", "file", id);
        assertThat(destroyed.exitCode()).as(destroyed.toString()).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void badInputGetsOneLineAndItsExitCode() throws Exception {
        assertThat(infrakit.run("manager", "start").exitCode()).isZero();
        Path spec = home.resolve("broken.json");
        Files.writeString(spec, "{\n  \"Properties\": {\"Note\": \"x\"},\n  \"Tags\": [oops]\n}\n");

        Launcher.Result malformed = infrakit.run("instance", "provision", "--plugin", "simulator", spec.toString());
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(3);
        assertThat(malformed.err()).contains(spec + ":3:");
        assertOneLineWithoutTrace(malformed);

        Launcher.Result unknown = infrakit.run("instance", "describe", "--plugin", "nope");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(4);
        assertThat(unknown.err()).as("only instance plugins are listed")
                .contains("unknown plugin 'nope'; known: aws, aws/ec2-instance, docker, file, qemu, simulator, "
                        + "simulator/compute, simulator/disk, simulator/net\n");
        assertOneLineWithoutTrace(unknown);

        Launcher.Result unknownId = infrakit.run("instance", "destroy", "--plugin", "simulator", "no-such-id");
        assertThat(unknownId.exitCode()).as(unknownId.toString()).isNotZero();
        assertThat(unknownId.err()).contains("no-such-id");
        assertOneLineWithoutTrace(unknownId);
    }

    @Test
    void aSecondManagerIsRefusedAndAKilledOneComesBack() throws Exception {
        assertThat(infrakit.run("manager", "start").exitCode()).isZero();
        long pid = Long.parseLong(Files.readString(home.resolve("manager.pid")).trim());

        Launcher.Result second = infrakit.run("manager", "run");
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(7);
        assertThat(second.err()).contains("(pid " + pid + ")");
        assertOneLineWithoutTrace(second);

        ProcessHandle manager = ProcessHandle.of(pid).orElseThrow();
        assertThat(manager.destroyForcibly()).as("SIGKILL sent").isTrue();
        manager.onExit().get();
        assertThat(listing(home.resolve("plugins"))).as("a killed manager leaves its sockets").contains("simulator");

        Launcher.Result restarted = infrakit.run("manager", "start");
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        Launcher.Result plugins = infrakit.run("plugin", "ls");
        assertThat(plugins.exitCode()).as(plugins.toString()).isZero();
        assertThat(plugins.out()).contains("simulator", "file", "vanilla");
        assertThat(Files.readString(home.resolve("manager.log"))).contains("removed stale socket");
    }

    private static void assertOneLineWithoutTrace(Launcher.Result result) {
        assertThat(result.err().lines().toList()).as(result.toString()).hasSize(1);
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
