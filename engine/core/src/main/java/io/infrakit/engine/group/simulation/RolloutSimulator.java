package io.infrakit.engine.group.simulation;

import io.infrakit.engine.group.DefaultGroupController;
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
 * Nothing real is touched: whatever the spec names, every instance and flavor plugin is the simulated one.
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
     */
    public SimulationResult simulate(GroupSpec current, List<InstanceDescription> members, GroupSpec next,
                                     Instant start) {
        VirtualClock clock = new VirtualClock(start);
        VirtualScheduler scheduler = new VirtualScheduler(clock);
        ScheduleRecorder recorder = new ScheduleRecorder(start);
        SimulatedInstances instances = new SimulatedInstances(clock, settings.healthyTime(), recorder);
        members.forEach(instances::existing);
        OperationLatency operations = new OperationLatency(scheduler, settings.provisionTime());
        recorder.startedBy(operations);
        PluginLookup plugins = lookup(instances, new SimulatedFlavor(clock, instances));
        try (DefaultGroupController controller = new DefaultGroupController(plugins, clock, scheduler, operations,
                settings.controller())) {
            if (current != null) {
                // The group as it stands, observed once, so its config counts as proven for a rollback.
                controller.commitGroup(current, false);
                scheduler.runUntil(() -> controller.status(current.id()).observedAt() != null, start);
            }
            String plan = controller.commitGroup(next, false);
            long committed = scheduler.tasksRun();
            boolean finished = scheduler.runUntil(() -> scheduler.tasksRun() > committed
                    && settled(controller.status(next.id())), start.plus(settings.limit()));
            Duration took = finished ? Duration.between(start, clock.instant()) : settings.limit();
            return new SimulationResult(plan, recorder.steps(), finished, took, controller.status(next.id()),
                    instances.mostAlive(), scheduler.tasksRun());
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
