package io.infrakit.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** InfraKit's own end-to-end script (docs/scenarios.md), through the launcher, on the file plugin. */
class GroupFlowE2E {

    TemporaryHome home;
    Launcher infrakit;

    @BeforeEach
    void freshHome() throws IOException {
        home = TemporaryHome.create("ik-flow", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "500ms"));
        infrakit = home.launcher();
        copy("cattle.json");
        copy("cattle2.json");
    }

    @AfterEach
    void stopManagerAndRemoveHome() throws IOException {
        home.close();
    }

    @Test
    void cattleGrowsHealsScalesIsFreedRecommittedAndDestroyed() throws Exception {
        Launcher.Result committed = infrakit.run("group", "commit", home.resolve("cattle.json").toString(), "--wait", "60s");
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        assertThat(committed.out()).startsWith("Committed cattle: Managing 5 instances\n");
        assertThat(home.instanceFiles()).hasSize(5);

        Launcher.Result pretend = infrakit.run("group", "commit", home.resolve("cattle2.json").toString(), "--pretend");
        assertThat(pretend.out()).isEqualTo("Committing cattle would involve: Performing a rolling update on 5 "
                + "instances, then adding 5 instances to increase the group size to 10\n"
                + "Changes to the committed spec:\n"
                + "  Allocation.Size: 5 -> 10\n"
                + "  Instance.Properties.Note: \"Instance properties version 1.0\" -> \"Instance properties version 2.0\"\n");

        Launcher.Result grown = infrakit.run("group", "commit", home.resolve("cattle2.json").toString(), "--wait", "120s");
        assertThat(grown.exitCode()).as(grown.toString()).isZero();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(home.instanceFiles()).hasSize(10));

        home.instanceFiles().stream().limit(3).forEach(file -> file.toFile().delete());
        assertThat(home.instanceFiles()).hasSize(7);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(home.instanceFiles()).hasSize(10));

        Launcher.Result scaled = infrakit.run("group", "scale", "cattle", "5");
        assertThat(scaled.out()).isEqualTo("Group cattle at 10 instances, scale to 5\n");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(home.instanceFiles()).hasSize(5));

        assertThat(infrakit.run("group", "free", "cattle").out()).isEqualTo("Freed cattle\n");
        assertThat(infrakit.run("group", "ls").out()).doesNotContain("cattle");
        assertThat(home.instanceFiles()).as("freeing leaves the instances alone").hasSize(5);

        Launcher.Result recommitted = infrakit.run("group", "commit", home.resolve("cattle.json").toString(), "--wait", "60s");
        assertThat(recommitted.exitCode()).as(recommitted.toString()).isZero();
        assertThat(infrakit.run("group", "ls").out()).contains("cattle");
        assertThat(home.instanceFiles()).hasSize(5);

        assertThat(infrakit.run("group", "destroy", "cattle").out()).isEqualTo("Destroy cattle initiated\n");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(home.instanceFiles()).isEmpty());
    }

    @Test
    void aKilledManagerComesBackWithItsGroups() throws Exception {
        assertThat(infrakit.run("group", "commit", home.resolve("cattle.json").toString(), "--wait", "60s").exitCode())
                .isZero();
        List<Path> before = home.instanceFiles();
        long pid = Long.parseLong(Files.readString(home.resolve("manager.pid")).trim());
        ProcessHandle manager = ProcessHandle.of(pid).orElseThrow();
        assertThat(manager.destroyForcibly()).isTrue();
        manager.onExit().get();

        Launcher.Result started = infrakit.run("manager", "start");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        Launcher.Result groups = infrakit.run("group", "ls");
        assertThat(groups.out()).contains("cattle");
        assertThat(home.instanceFiles()).as("no instance lost or added by the restart").isEqualTo(before);

        before.get(0).toFile().delete();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(home.instanceFiles()).hasSize(5));
    }

    @Test
    void anInvalidGroupSpecIsRefusedWithItsMessage() throws IOException {
        Path spec = home.resolve("bad.json");
        Files.writeString(spec, "{\"ID\": \"bad\", \"Properties\": {\"Allocation\": {\"Size\": 1, \"LogicalIDs\": [\"a\"]},"
                + " \"Instance\": {\"Plugin\": \"file\", \"Properties\": {}}, \"Flavor\": {\"Plugin\": \"vanilla\"}}}");

        Launcher.Result result = infrakit.run("group", "commit", spec.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).contains("Only one Allocation method may be used");
        assertThat(infrakit.run("group", "ls").out()).doesNotContain("bad");
    }

    private void copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/groups/" + name)) {
            Files.copy(in, home.resolve(name));
        }
    }
}
