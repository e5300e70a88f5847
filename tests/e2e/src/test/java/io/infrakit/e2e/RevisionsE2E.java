package io.infrakit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Revisions, rollback and a manager killed mid-rollout, through the launcher on the file plugin. */
class RevisionsE2E {

    private static final ObjectMapper JSON = new ObjectMapper();

    TemporaryHome home;
    Launcher infrakit;

    @BeforeEach
    void freshHome() throws IOException {
        home = TemporaryHome.create("ik-rev", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "500ms"));
        infrakit = home.launcher();
    }

    @AfterEach
    void stopManagerAndRemoveHome() throws IOException {
        home.close();
    }

    @Test
    void historyShowsBothRevisionsAndRollbackReturnsEveryInstanceToTheFirst() throws Exception {
        Path v1 = spec("v1.json", 3, "version 1", "");
        Path v2 = spec("v2.json", 3, "version 2", "");
        assertThat(infrakit.run("group", "commit", v1.toString(), "--wait", "60s").exitCode()).isZero();
        Launcher.Result second = infrakit.run("group", "commit", v2.toString(), "--wait", "120s");
        assertThat(second.exitCode()).as(second.toString()).isZero();

        Launcher.Result history = infrakit.run("group", "history", "cattle", "-o", "json");
        assertThat(history.exitCode()).as(history.toString()).isZero();
        JsonNode revisions = JSON.readTree(history.out());
        assertThat(revisions).hasSize(2);
        String v1Hash = revisions.get(1).get("ID").asText();
        String v2Hash = revisions.get(0).get("ID").asText();
        assertThat(revisions.get(0).get("ProvenHealthy").asBoolean()).isTrue();
        assertThat(revisions.get(0).get("Target").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(hashes().values()).containsOnly(v2Hash).hasSize(3));
        assertThat(infrakit.run("group", "history", "cattle").out()).contains("* " + v2Hash, "  " + v1Hash);

        Launcher.Result rollback = infrakit.run("group", "rollback", "cattle", "--wait", "120s");
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).startsWith("Rolling back cattle to revision " + v1Hash + "\n");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(hashes().values()).containsOnly(v1Hash).hasSize(3));
        assertThat(infrakit.run("group", "describe", "cattle").out()).contains("rolled back");

        Launcher.Result unknown = infrakit.run("group", "rollback", "cattle", "--to", "nope");
        assertThat(unknown.exitCode()).as("a revision the user names that does not exist is bad input").isEqualTo(3);
        assertThat(unknown.err()).startsWith("infrakit: Group 'cattle' has no revision 'nope'; its revisions: ")
                .contains(v1Hash, v2Hash);
        assertThat(unknown.err().lines()).hasSize(1);

        Launcher.Result watch = infrakit.run("group", "watch", "cattle", "--all", "--until-converged");
        assertThat(watch.exitCode()).as(watch.toString()).isZero();
        assertThat(watch.out()).contains("Committed", "Provisioned", "RollbackStarted", "RolledBack", "Converged")
                .doesNotContain("version 1", "version 2");
    }

    @Test
    void aManagerKilledMidRolloutContinuesItWithNoExtraInstanceAndNoneLost() throws Exception {
        int size = 6;
        String slowSteps = ", \"Updating\": {\"Duration\": \"2s\"}";
        Path v1 = spec("v1.json", size, "version 1", slowSteps);
        Path v2 = spec("v2.json", size, "version 2", slowSteps);
        assertThat(infrakit.run("group", "commit", v1.toString(), "--wait", "60s").exitCode()).isZero();
        String v1Hash = hashes().values().iterator().next();
        assertThat(infrakit.run("group", "commit", v2.toString()).exitCode()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            long updated = hashes().values().stream().filter(hash -> !hash.equals(v1Hash)).count();
            return updated >= 2 && updated <= size - 2;
        });

        long pid = Long.parseLong(Files.readString(home.resolve("manager.pid")).trim());
        ProcessHandle manager = ProcessHandle.of(pid).orElseThrow();
        assertThat(manager.destroyForcibly()).isTrue();
        manager.onExit().get();
        Map<Path, String> atKill = hashes();
        List<Path> updatedAtKill = atKill.entrySet().stream().filter(e -> !e.getValue().equals(v1Hash))
                .map(Map.Entry::getKey).toList();
        assertThat(atKill.size()).as("at most size + MaxSurge").isBetween(size, size + 1);

        Launcher.Result started = infrakit.run("manager", "start");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        AtomicInteger most = new AtomicInteger();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Map<Path, String> now = hashes();
            most.accumulateAndGet(now.size(), Math::max);
            return now.size() == size && now.values().stream().noneMatch(v1Hash::equals);
        });

        Map<Path, String> after = hashes();
        assertThat(after.keySet()).as("the instances already updated were kept").containsAll(updatedAtKill);
        assertThat(most.get()).as("never more than size + MaxSurge").isLessThanOrEqualTo(size + 1);
        JsonNode history = JSON.readTree(infrakit.run("group", "history", "cattle", "-o", "json").out());
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("ID").asText()).isEqualTo(v1Hash);
        assertThat(history.get(1).get("ProvenHealthy").asBoolean()).isTrue();
        assertThat(home.resolve("configs/revisions/cattle/journal.json")).exists();
    }

    private Path spec(String name, int size, String note, String updating) throws IOException {
        Path file = home.resolve(name);
        Files.writeString(file, "{\"ID\": \"cattle\", \"Properties\": {\"Allocation\": {\"Size\": " + size + "},"
                + " \"Instance\": {\"Plugin\": \"file\", \"Properties\": {\"Note\": \"" + note + "\"}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\", \"Properties\": {\"Init\": [\"echo hi\"]}}" + updating + "}}");
        return file;
    }

    /** Each instance file and the config hash it is tagged with. */
    private Map<Path, String> hashes() throws IOException {
        Map<Path, String> hashes = new java.util.TreeMap<>();
        for (Path path : home.instanceFiles()) {
            try {
                hashes.put(path, JSON.readTree(path.toFile()).path("Tags").path("infrakit.config.hash").asText());
            } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException gone) {
                // destroyed while we looked
            }
        }
        return hashes;
    }
}
