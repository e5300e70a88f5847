package io.infrakit.cli.plugin;

import io.infrakit.cli.CliHome;
import io.infrakit.cli.ExitCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.cli.CliHome.Run;
import io.infrakit.spi.Json;
import io.infrakit.testkit.wire.GoStoreFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our manager started as InfraKit's own end-to-end script starts InfraKit's
 * ({@code plugin start manager:mystack group file:instance-file vanilla:flavor-vanilla}) takes InfraKit's cattle.json
 * unchanged, as the Go CLI sent it (docs/from-infrakit.md).
 */
class PluginStartIT {

    private static final String[] INFRAKITS_OWN = {"plugin", "start", "manager:mystack", "group", "file:instance-file",
            "vanilla:flavor-vanilla"};
    /** The config hash the Go group controller tagged cattle.json's instances with (the captures). */
    private static final String GO_CONFIG_HASH = "x4nrsdaibscmj7awpkxzx5vvpt6pilw2";

    CliHome home;

    @BeforeEach
    void freshHome() throws IOException {
        home = CliHome.create("ik-pstart", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "500ms"));
    }

    @AfterEach
    void stopAndRemove() {
        home.close();
    }

    @Test
    void infraKitsCattleJsonRunsOnOurPluginsUnderInfraKitsNames() throws IOException {
        Run started = home.run(INFRAKITS_OWN);
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(started.out()).startsWith("manager started (pid ").endsWith(") with plugins manager:mystack "
                + "group:group-stateless file:instance-file vanilla:flavor-vanilla\n");
        assertThat(sockets()).containsExactlyInAnyOrder("mystack", "group-stateless", "instance-file", "flavor-vanilla");

        Run listed = home.run("plugin", "ls");
        assertThat(listed.out())
                .containsPattern("mystack\\s+manager\\s+Group/0\\.1\\.1")
                .containsPattern("group-stateless\\s+group\\s+Group/0\\.1\\.1")
                .containsPattern("instance-file\\s+file\\s+Instance/0\\.6\\.1")
                .containsPattern("flavor-vanilla\\s+vanilla\\s+Flavor/0\\.1\\.1");

        // No socket is named 'group' here: our group commands find the manager as the one plugin with a group list.
        Path cattle = home.resolve("cattle.json");
        Files.writeString(cattle, GoStoreFile.cattleSpec().toString());
        Run committed = home.run("group", "commit", cattle.toString());
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        assertThat(committed.out()).contains("Managing 5 instances");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(instanceFiles()).hasSize(5));
        for (Path instance : instanceFiles()) {
            assertThat(Json.mapper().readTree(instance.toFile()).path("Tags").path("infrakit.config.hash").asText())
                    .as(instance.toString()).isEqualTo(GO_CONFIG_HASH);
        }
    }

    @Test
    void theChoiceIsKeptForEveryLaterStartAndARunningManagerIsLeftAlone() throws IOException {
        assertThat(home.run(INFRAKITS_OWN).exitCode()).isZero();
        String config = Files.readString(home.resolve("manager.yml"));
        assertThat(config).endsWith("plugins: [manager:mystack, group:group-stateless, file:instance-file, "
                + "vanilla:flavor-vanilla]\n");
        long pid = Long.parseLong(Files.readString(home.resolve("manager.ready")).trim());

        Run same = home.run(INFRAKITS_OWN);
        assertThat(same.exitCode()).as(same.toString()).isZero();
        assertThat(same.out()).isEqualTo("manager already running (pid " + pid + ") with plugins "
                + "group:group-stateless file:instance-file vanilla:flavor-vanilla manager:mystack\n");

        Run other = home.run("plugin", "start", "manager", "group", "simulator");
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(ExitCode.MANAGER);
        assertThat(other.err()).isEqualTo("infrakit: a manager is running (pid " + pid + ") with plugins "
                + "group:group-stateless file:instance-file vanilla:flavor-vanilla manager:mystack; stop it first "
                + "(infrakit manager stop)\n");
        assertThat(other.out()).isEmpty();
        assertThat(Files.readString(home.resolve("manager.yml"))).isEqualTo(config);
        assertThat(Long.parseLong(Files.readString(home.resolve("manager.ready")).trim())).isEqualTo(pid);

        assertThat(home.run("manager", "stop").exitCode()).isZero();
        Run restarted = home.run("manager", "start");
        assertThat(restarted.exitCode()).as(restarted.toString()).isZero();
        assertThat(sockets()).containsExactlyInAnyOrder("mystack", "group-stateless", "instance-file", "flavor-vanilla");
    }

    /** An InfraKit home's groups, in the store its manager left: our manager commits them again as it starts. */
    @Test
    void theGroupsInfraKitStoredAreTakenUpAtStart() throws IOException {
        Files.createDirectories(home.resolve("configs"));
        Files.writeString(home.resolve("configs/global.config"),
                GoStoreFile.globalConfig(List.of(GoStoreFile.cattleSpec())));

        Run started = home.run(INFRAKITS_OWN);
        assertThat(started.exitCode()).as(started.toString()).isZero();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(instanceFiles()).hasSize(5));
        Run listed = home.run("group", "ls", "--plugin", "mystack");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).containsPattern("(?m)^cattle\\s+5\\s");
    }


    private List<String> sockets() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("plugins"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> !name.contains(".")).toList();
        }
    }

    private List<Path> instanceFiles() throws IOException {
        Path directory = home.resolve("instances/file");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().startsWith("instance-")).sorted().toList();
        }
    }
}
