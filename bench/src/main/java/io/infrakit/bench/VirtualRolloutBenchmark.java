package io.infrakit.bench;

import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.simulation.RolloutSimulator;
import io.infrakit.engine.group.simulation.SimulationResult;
import io.infrakit.engine.group.simulation.SimulationSettings;
import io.infrakit.engine.group.plan.WaitTimes;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.spi.Any;
import io.infrakit.spi.Tags;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code group commit --simulate} costs: the real controller rolls a group to a new config in virtual time,
 * with realistic latencies (each operation 30s, healthy 60s later, a 10s poll).
 */
final class VirtualRolloutBenchmark {

    private static final GroupId GROUP = GroupId.of("web");

    private VirtualRolloutBenchmark() {
    }

    static GroupSpec spec(int size, String version) {
        return new GroupSpec(GROUP, Any.parse("{\"Allocation\": {\"Size\": " + size + "},"
                + " \"Instance\": {\"Plugin\": \"aws\", \"Properties\": {\"Version\": \"" + version + "\"}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\"}, \"Updating\": {\"MaxSurge\": \"10%\"}}"));
    }

    static Result run(int size, int runs) {
        GroupSpec current = spec(size, "1");
        GroupSpec next = spec(size, "2");
        String hash = GroupPropertiesParser.parse(current.properties()).configHash();
        List<InstanceDescription> members = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            members.add(new InstanceDescription(InstanceId.of(String.format("i-%08d", i)), null,
                    Map.of(Tags.GROUP, GROUP.value(), Tags.CONFIG_HASH, hash), null));
        }
        RolloutSimulator simulator = new RolloutSimulator(SimulationSettings.defaults()
                .withController(ControllerSettings.defaults()));
        List<Duration> samples = new ArrayList<>();
        SimulationResult last = null;
        simulator.simulate(current, members, next, Instant.EPOCH);
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            last = simulator.simulate(current, members, next, Instant.EPOCH);
            samples.add(Duration.ofNanos(System.nanoTime() - start));
        }
        if (last == null || !last.succeeded()) {
            throw new IllegalStateException("the simulated rollout did not succeed: " + last);
        }
        return Result.timed(String.format("virtual-time rollout of %,d instances, MaxSurge 10%% (%d batches, "
                + "%s simulated; op 30s, healthy +60s, poll 10s)", size, last.batches().size(),
                WaitTimes.format(last.duration())), samples, size, "< 30000 ms");
    }
}
