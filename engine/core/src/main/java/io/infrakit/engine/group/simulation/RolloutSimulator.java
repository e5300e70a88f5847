package io.infrakit.engine.group.simulation;

import io.infrakit.engine.group.DefaultGroupController;
import io.infrakit.engine.group.spec.AllocationSpec;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.common.Durations;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginLookup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Predicts what a commit will do by running the real group controller (the same planner, the same executor)
 * against a simulated cloud in virtual time. Each plugin operation takes the simulated provision time, each new
 * instance turns healthy its time-to-healthy later, and the controller polls at its interval; the clock jumps from
 * one event to the next, so a rollout of thousands of instances over hours of simulated time takes seconds.
 * Nothing real is touched: whatever the spec names, every instance and flavor plugin is the simulated one. A
 * simulation is bounded: in instances ({@link SimulationSettings#maxSize()}) and in real time
 * ({@link SimulationSettings#wallTimeLimit()}), and its controller does not log each simulated instance.
 */
public final class RolloutSimulator {

    private final SimulationSettings settings;

    public RolloutSimulator(SimulationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param current  the group's spec as committed now, or null for a group that does not exist yet
     * @param members  the group's members now (their tags carry the group and config hash); they count as healthy
     * @param next     the spec to commit
     * @param start    when the commit happens, in the simulation's time
     * @throws InvalidSpecException        when {@code next} has more instances than a simulation runs
     * @throws SimulationTimeoutException  when the simulation takes longer than its wall-time limit
     */
    public SimulationResult simulate(GroupSpec current, List<InstanceDescription> members, GroupSpec next,
                                     Instant start) {
        checkSize(next);
        long startedNanos = System.nanoTime();
        VirtualClock clock = new VirtualClock(start);
        VirtualScheduler scheduler = new VirtualScheduler(clock);
        ScheduleRecorder recorder = new ScheduleRecorder(start);
        SimulatedInstances instances = new SimulatedInstances(clock, settings.healthyTime(), recorder);
        members.forEach(instances::existing);
        OperationLatency operations = new OperationLatency(scheduler, settings.provisionTime());
        recorder.startedBy(operations);
        PluginLookup plugins = lookup(instances, new SimulatedFlavor(clock, instances));
        // Checked before each simulated task: a simulation ends within its wall time, however large the rollout.
        Runnable withinWallTime = () -> {
            if (System.nanoTime() - startedNanos > settings.wallTimeLimit().toNanos()) {
                throw new SimulationTimeoutException("simulating " + next.id() + " took longer than "
                        + Durations.format(settings.wallTimeLimit()) + " (" + SimulationSettings.TIMEOUT
                        + "); stopped " + Durations.format(Duration.between(start, clock.instant()))
                        + " into the simulated rollout, nothing was changed");
            }
        };
        try (DefaultGroupController controller = new DefaultGroupController(plugins, clock, scheduler, operations,
                settings.controller().withoutMemberLog())) {
            if (current != null) {
                // The group as it stands, observed once, so its config counts as proven for a rollback.
                controller.commitGroup(current, false);
                scheduler.runUntil(() -> {
                    withinWallTime.run();
                    return controller.status(current.id()).observedAt() != null;
                }, start);
            }
            String plan = controller.commitGroup(next, false);
            long committed = scheduler.tasksRun();
            boolean finished = scheduler.runUntil(() -> {
                withinWallTime.run();
                return scheduler.tasksRun() > committed && settled(controller.status(next.id()));
            }, start.plus(settings.limit()));
            Duration took = finished ? Duration.between(start, clock.instant()) : settings.limit();
            return new SimulationResult(plan, recorder.steps(), finished, took, controller.status(next.id()),
                    instances.mostAlive(), scheduler.tasksRun());
        }
    }

    /** Refuses, as an invalid spec naming the field, a group larger than a simulation runs. */
    public void checkSize(GroupSpec next) {
        AllocationSpec allocation = GroupPropertiesParser.parse(next.properties()).allocation();
        if (allocation.target() > settings.maxSize()) {
            throw new InvalidSpecException("Properties.Allocation." + (allocation.isQuorum() ? "LogicalIDs" : "Size")
                    + ": " + allocation.target() + " instances are more than a simulation runs (at most "
                    + settings.maxSize() + ", " + SimulationSettings.MAX_SIZE + ")");
        }
    }

    /** Converged with every member healthy, or a rollout that stopped and has nothing left under way. */
    private static boolean settled(GroupStatus status) {
        return status.converged() && (status.healthy() >= status.desired() || status.phase() == GroupPhase.FAILED);
    }

    private static PluginLookup lookup(InstancePlugin instances, FlavorPlugin flavor) {
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
