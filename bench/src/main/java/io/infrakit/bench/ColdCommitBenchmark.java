package io.infrakit.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.spi.Json;
import io.infrakit.spi.group.GroupId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first commit a user makes: InfraKit's {@code cattle.json} (the file plugin, the vanilla flavor with Init lines
 * and Tags) at N instances, committed with the launcher to a manager started just before in a fresh home, until
 * all N instance files exist. Then the same commit again on that manager, now warm (after a destroy to zero). The
 * manager's CPU time during the cold commit is printed too: on a shared machine it varies less than the wall clock.
 * Every run's home is removed only at the end, so that no run creates its files among the inodes the file system
 * has just freed from the run before.
 */
final class ColdCommitBenchmark {

    private static final GroupId GROUP = GroupId.of("cattle");
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final Duration CHECK = Duration.ofMillis(5);

    private ColdCommitBenchmark() {
    }

    /** InfraKit's cattle.json (the repository's copy) with this size. */
    static String cattle(int size) {
        try (InputStream in = ColdCommitBenchmark.class.getResourceAsStream("cattle.json")) {
            ObjectNode spec = (ObjectNode) Json.mapper().readTree(in);
            ((ObjectNode) spec.path("Properties").path("Allocation")).put("Size", size);
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Result> run(Path launcher, int size, int runs) {
        List<Duration> cold = new ArrayList<>();
        List<Double> coldCpu = new ArrayList<>();
        List<Duration> warm = new ArrayList<>();
        List<ManagerHome> homes = new ArrayList<>();
        try {
            for (int run = 0; run < runs; run++) {
                ManagerHome home = ManagerHome.start(launcher, ControllerSettings.DEFAULT_POLL_INTERVAL);
                homes.add(home);
                InstanceFiles files = new InstanceFiles(home.instanceFiles());
                Path spec = home.write("cattle.json", cattle(size));
                long pid = home.managerPid();
                double cpuBefore = ProcessStats.cpuSeconds(pid);
                cold.add(commit(home, files, spec, size));
                coldCpu.add((ProcessStats.cpuSeconds(pid) - cpuBefore) * 1000);
                destroy(home, files);
                warm.add(commit(home, files, spec, size));
                home.stopManager();
            }
        } finally {
            homes.forEach(ManagerHome::close);
        }
        String at = String.format(Locale.ROOT, "file N=%,d cattle.json (vanilla, Init + Tags): ", size);
        return List.of(
                Result.timed(at + "commit to all N files, freshly started manager (cold)", cold, size,
                        size == 1000 ? "<= 350 ms" : "report"),
                Result.measured(at + "manager CPU during the cold commit", coldCpu, "ms of CPU", "report"),
                Result.timed(at + "commit to all N files, same manager again (warm)", warm, size, "report"));
    }

    private static Duration commit(ManagerHome home, InstanceFiles files, Path spec, int size) {
        long start = System.nanoTime();
        home.infrakit.ok("group", "commit", spec.toString());
        Duration took = Waits.until(() -> files.count() == size, start, LIMIT, CHECK, size + " instance files");
        Waits.until(() -> {
            var status = home.rollouts().status(GROUP);
            return status.converged() && status.current() == size;
        }, System.nanoTime(), LIMIT, Duration.ofMillis(20), "the group to converge");
        return took;
    }

    private static void destroy(ManagerHome home, InstanceFiles files) {
        home.infrakit.ok("group", "destroy", GROUP.value());
        Waits.until(() -> files.count() == 0, System.nanoTime(), LIMIT, CHECK, "no instance file left");
        Waits.until(() -> home.groups().inspectGroups().stream().noneMatch(spec -> spec.id().equals(GROUP)),
                System.nanoTime(), LIMIT, Duration.ofMillis(20), "the group to be forgotten");
    }
}
