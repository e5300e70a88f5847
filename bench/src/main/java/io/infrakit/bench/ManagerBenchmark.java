package io.infrakit.bench;

import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A big group on a running manager, on its {@code simulator} plugin: {@code group describe} through the launcher
 * (which has the manager run it) and describeGroup over the socket, both warm, and the manager's resident memory.
 */
final class ManagerBenchmark {

    private static final GroupId GROUP = GroupId.of("big");
    /** A manager that runs answers warm: the first calls of a path also compile it. */
    private static final int WARM_UPS = 3;

    private ManagerBenchmark() {
    }

    static List<Result> describe(Path launcher, int size, int runs) {
        try (ManagerHome home = ManagerHome.start(launcher, Duration.ofSeconds(10))) {
            Path spec = home.write("big.json", "{\"ID\": \"big\", \"Properties\": {\"Allocation\": {\"Size\": " + size
                    + "}, \"Instance\": {\"Plugin\": \"simulator\", \"Properties\": {\"Note\": \"bench\"}},"
                    + " \"Flavor\": {\"Plugin\": \"vanilla\"}}}");
            long start = System.nanoTime();
            home.infrakit.ok("group", "commit", spec.toString(), "--wait", "600s");
            Duration converged = Duration.ofNanos(System.nanoTime() - start);
            List<Duration> launcherSamples = new ArrayList<>();
            List<Duration> socketSamples = new ArrayList<>();
            for (int warmUp = 0; warmUp < WARM_UPS; warmUp++) {
                home.infrakit.ok("group", "describe", "big");
            }
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                home.infrakit.ok("group", "describe", "big");
                launcherSamples.add(Duration.ofNanos(System.nanoTime() - t0));
            }
            var groups = home.groups();
            for (int warmUp = 0; warmUp < WARM_UPS; warmUp++) {
                requireSize(groups.describeGroup(GROUP), size);
            }
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                GroupDescription description = groups.describeGroup(GROUP);
                socketSamples.add(Duration.ofNanos(System.nanoTime() - t0));
                requireSize(description, size);
            }
            double rss = ProcessStats.rssMiB(home.managerPid());
            home.infrakit.ok("group", "destroy", "big");
            String name = String.format("%,d-instance group on the manager's simulator", size);
            return List.of(
                    Result.timed("commit --wait to converged, " + name + " (launcher)", List.of(converged), size,
                            "report"),
                    Result.timed("group describe, " + name + " (launcher; run in the manager, one table row each)",
                            launcherSamples, 1, "< 100 ms"),
                    Result.timed("describeGroup, " + name + " (RPC over the socket from the bench JVM)",
                            socketSamples, 1, "< 100 ms"),
                    Result.measured("manager RSS with the " + name, List.of(rss), Result.MIB, "heap < 256 MiB"));
        }
    }

    private static void requireSize(GroupDescription description, int size) {
        if (description.instances().size() != size) {
            throw new IllegalStateException("described " + description.instances().size() + " of " + size);
        }
    }
}
