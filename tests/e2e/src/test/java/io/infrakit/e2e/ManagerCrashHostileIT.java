package io.infrakit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The manager killed with SIGKILL at random moments of rollouts of a 20-instance group on the file plugin, and
 * started again, {@value #KILLS} times. The instance files are counted every 20 ms throughout, also while no manager
 * runs: the group never holds more than Size + MaxSurge, and at the end it converges to the last spec committed with
 * no orphan. The random delays come from a seed printed first and named in every assertion; a failure is replayed
 * with {@code -Dcrash.seed=<seed>}.
 */
class ManagerCrashHostileIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIZE = 20;
    private static final int MAX_SURGE = 2;
    private static final int KILLS = 30;
    /** A step waits one poll for health (Updating.Count 1), so a rollout of 20 lasts about a second. */
    private static final String POLL = "100ms";
    private static final int LONGEST_DELAY_MS = 1200;
    private static final Duration SAMPLING = Duration.ofMillis(20);

    TemporaryHome home;
    Launcher infrakit;
    long seed;
    volatile String moment = "setting up";

    @BeforeEach
    void freshHome() throws IOException {
        seed = Optional.ofNullable(System.getProperty("crash.seed")).filter(s -> !s.isBlank()).map(Long::parseLong)
                .orElseGet(() -> ThreadLocalRandom.current().nextLong());
        System.out.println("ManagerCrashHostileIT: seed " + seed + " (replay with -Dcrash.seed=" + seed + ")");
        home = TemporaryHome.create("ik-crash", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", POLL));
        infrakit = home.launcher();
    }

    @AfterEach
    void killAnyManagerAndRemoveHome() throws IOException {
        try {
            managerProcess().ifPresent(this::killAndWait);
        } finally {
            home.close();
        }
    }

    @Test
    void killedAtRandomMomentsOfRolloutsTheGroupNeverSurgesLeavesNoOrphanAndConvergesToTheLastSpec() throws Exception {
        long began = System.nanoTime();
        Random random = new Random(seed);
        try (InstanceCountSampler sampler = InstanceCountSampler.start(home.instanceDirectory(), SAMPLING,
                () -> moment)) {
            int version = 1;
            commit(version, "--wait", "60s");
            for (int kills = 1; kills <= KILLS; kills++) {
                // Mostly a new version each time; sometimes the kill lands in the rollout the restart resumed.
                if (random.nextInt(4) != 0) {
                    version++;
                    commit(version);
                }
                int delay = random.nextInt(LONGEST_DELAY_MS + 1);
                moment = "version " + version + ", waiting " + delay + " ms before kill " + kills;
                Thread.sleep(delay);
                killManager();
                moment = "version " + version + ", manager killed " + kills + " times, restarting";
                Launcher.Result started = infrakit.run("manager", "start");
                assertThat(started.exitCode()).as(context("manager start after kill " + kills) + started).isZero();
            }
            assertNeverMoreThanSizePlusMaxSurge(sampler);

            int last = version;
            moment = "converging to version " + last + " after " + KILLS + " kills";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    assertConvergedTo(last));
            assertNoOrphans();
            InstanceCountSampler.Peak peak = assertNeverMoreThanSizePlusMaxSurge(sampler);
            long elapsed = System.nanoTime() - began;
            assertThat(peak.samples()).as(context("the sampler kept sampling"))
                    .isGreaterThan(elapsed / SAMPLING.multipliedBy(2).toNanos());
            System.out.printf("ManagerCrashHostileIT: seed %d, %d kills, %d versions, at most %d instances in %d "
                    + "samples, %d s%n", seed, KILLS, last, peak.count(), peak.samples(),
                    TimeUnit.NANOSECONDS.toSeconds(elapsed));
        }
    }

    private InstanceCountSampler.Peak assertNeverMoreThanSizePlusMaxSurge(InstanceCountSampler sampler) {
        InstanceCountSampler.Peak peak = sampler.peak();
        assertThat(peak.count()).as(context("instance files at most Size + MaxSurge; the most were seen at "
                + peak.during())).isLessThanOrEqualTo(SIZE + MAX_SURGE);
        return peak;
    }

    private void commit(int version, String... options) throws IOException {
        Path spec = home.resolve("v" + version + ".json");
        Files.writeString(spec, "{\"ID\": \"cattle\", \"Properties\": {"
                + "\"Allocation\": {\"Size\": " + SIZE + "},"
                + " \"Instance\": {\"Plugin\": \"file\", \"Properties\": {\"Version\": " + version + "}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\", \"Properties\": {\"Init\": [\"echo hi\"]}},"
                + " \"Updating\": {\"MaxSurge\": " + MAX_SURGE + ", \"Count\": 1}}}");
        List<String> arguments = new ArrayList<>(List.of("group", "commit", spec.toString()));
        arguments.addAll(List.of(options));
        Launcher.Result committed = infrakit.run(arguments.toArray(String[]::new));
        assertThat(committed.exitCode()).as(context("commit of version " + version) + committed).isZero();
    }

    private void killManager() throws Exception {
        ProcessHandle manager = managerProcess().orElseThrow(() ->
                new AssertionError(context("no manager to kill at " + moment)));
        killAndWait(manager);
    }

    private void killAndWait(ProcessHandle manager) {
        manager.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> exited(manager));
    }

    /**
     * Gone, or a zombie: a killed process has closed its files and released its lock before its parent reaps it
     * (the JDK counts a zombie as alive, and the init process may take a while to reap).
     */
    private static boolean exited(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }

    /** The live manager of this home, by its pid file; a reused pid of another program is not it. */
    private Optional<ProcessHandle> managerProcess() throws IOException {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(home.resolve("manager.pid")).trim());
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains(home.root().toString()));
    }

    /** Size instances, all of the last version and its config hash, and {@code group describe} says the same. */
    private void assertConvergedTo(int version) throws IOException {
        List<JsonNode> instances = instances();
        assertThat(instances).as(context("instance files")).hasSize(SIZE);
        assertThat(instances).as(context("every instance has the last spec's properties"))
                .allSatisfy(instance -> assertThat(instance.path("Spec").path("Properties").path("Version").asInt())
                        .isEqualTo(version));
        List<String> hashes = instances.stream().map(ManagerCrashHostileIT::hashOf).distinct().toList();
        assertThat(hashes).as(context("one config hash")).hasSize(1);

        Launcher.Result described = infrakit.run("group", "describe", "cattle", "-o", "json");
        assertThat(described.exitCode()).as(context("group describe") + described).isZero();
        JsonNode group = JSON.readTree(described.out());
        JsonNode status = group.path("Status");
        assertThat(group.path("Converged").asBoolean()).as(context("describe: converged") + described.out()).isTrue();
        assertThat(List.of(status.path("Desired").asInt(), status.path("Current").asInt(),
                status.path("Updated").asInt(), status.path("Healthy").asInt()))
                .as(context("describe: desired, current, updated, healthy")).containsOnly(SIZE);
        assertThat(List.of(status.path("TargetHash").asText(), status.path("CurrentHash").asText()))
                .as(context("describe: target and proven config")).containsOnly(hashes.get(0));
        List<String> describedIds = new ArrayList<>();
        group.path("Instances").forEach(instance -> describedIds.add(instance.path("ID").asText()));
        assertThat(describedIds).as(context("describe lists the instance files"))
                .containsExactlyInAnyOrderElementsOf(instances.stream().map(i -> i.path("ID").asText()).toList());
    }

    /** Every file in the plugin's directory is an instance of the group, and no temporary file is left anywhere. */
    private void assertNoOrphans() throws IOException {
        try (Stream<Path> files = Files.list(home.instanceDirectory())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as(context("only instance files in " + home.instanceDirectory()))
                    .allMatch(name -> name.startsWith("instance-"));
        }
        assertThat(instances()).as(context("every instance file is tagged with the group"))
                .allSatisfy(instance -> assertThat(instance.path("Tags").path("infrakit.group").asText())
                        .isEqualTo("cattle"));
        try (Stream<Path> all = Files.walk(home.root())) {
            assertThat(all.map(Path::toString)).as(context("no temporary file left in the home"))
                    .noneMatch(path -> path.endsWith(".tmp"));
        }
    }

    private List<JsonNode> instances() throws IOException {
        List<JsonNode> instances = new ArrayList<>();
        for (Path file : home.instanceFiles()) {
            try {
                instances.add(JSON.readTree(Files.readAllBytes(file)));
            } catch (NoSuchFileException destroyedMeanwhile) {
                // an instance the manager destroyed between the listing and the read
            }
        }
        return instances;
    }

    private static String hashOf(JsonNode instance) {
        return instance.path("Tags").path("infrakit.config.hash").asText();
    }

    private String context(String what) {
        return what + " [seed " + seed + ", replay with -Dcrash.seed=" + seed + "]\n";
    }
}
