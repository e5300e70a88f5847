package io.infrakit.bench;

import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.DefaultGroupController;
import io.infrakit.plugins.flavor.vanilla.VanillaFlavorPlugin;
import io.infrakit.plugins.instance.simulator.SimulatorInstancePlugin;
import io.infrakit.plugins.instance.simulator.SimulatorSettings;
import io.infrakit.spi.Any;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginLookup;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The real group controller on the real clock, in this JVM, against the in-memory simulator with no latency: how
 * long from a commit until the group is converged, and the heap it then holds. The controller runs on threads as
 * the manager's provider makes them: two for reconciles, 32 for plugin operations.
 */
final class ControllerBenchmark {

    static final GroupId GROUP = GroupId.of("bench");

    private ControllerBenchmark() {
    }

    static GroupSpec spec(int size) {
        return new GroupSpec(GROUP, Any.parse("{\"Allocation\": {\"Size\": " + size + "},"
                + " \"Instance\": {\"Plugin\": \"simulator\", \"Properties\": {\"Note\": \"bench\"}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\"}}"));
    }

    static List<Result> commitToConverged(List<Integer> sizes, int runs) {
        converge(Math.min(1_000, sizes.get(0)), false);
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            List<Duration> samples = new ArrayList<>();
            int times = size >= 100_000 ? Math.max(1, runs / 2) : runs;
            for (int run = 0; run < times; run++) {
                samples.add(converge(size, false).took());
            }
            results.add(Result.timed(String.format("commit to converged, %,d simulated instances, no latency "
                    + "(in process, real controller and clock)", size), samples, size,
                    size == 10_000 ? "< 2000 ms" : "report"));
        }
        return results;
    }

    /** Used heap after a full GC, with a converged group of this size held by the controller and the simulator. */
    static Result heap(int size, int runs) {
        List<Double> samples = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            samples.add(converge(size, true).heapMiB());
        }
        return Result.measured(String.format("heap used after GC, %,d instances converged (in process: "
                + "controller + simulator + bench JVM)", size), samples, Result.MIB, "< 256 MiB");
    }

    record Run(Duration took, double heapMiB) {
    }

    static Run converge(int size, boolean measureHeap) {
        SimulatorInstancePlugin simulator = new SimulatorInstancePlugin(SimulatorSettings.defaults());
        ScheduledThreadPoolExecutor reconciles = new ScheduledThreadPoolExecutor(2);
        reconciles.setRemoveOnCancelPolicy(true);
        ThreadPoolExecutor operations = new ThreadPoolExecutor(32, 32, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
        try (DefaultGroupController controller = new DefaultGroupController(lookup(simulator, new VanillaFlavorPlugin()),
                Clock.systemUTC(), reconciles, operations, ControllerSettings.defaults())) {
            long start = System.nanoTime();
            controller.commitGroup(spec(size), false);
            Duration took = Waits.until(() -> controller.status(GROUP).converged() && simulator.size() == size,
                    start, Duration.ofMinutes(10), Duration.ofMillis(1), size + " instances converged");
            double heap = measureHeap ? usedHeapAfterGc() : 0;
            return new Run(took, heap);
        }
    }

    static double usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    static PluginLookup lookup(InstancePlugin instances, FlavorPlugin flavor) {
        return new PluginLookup() {
            @Override
            public InstancePlugin instance(PluginName name) {
                return instances;
            }

            @Override
            public FlavorPlugin flavor(PluginName name) {
                return flavor;
            }
        };
    }
}
