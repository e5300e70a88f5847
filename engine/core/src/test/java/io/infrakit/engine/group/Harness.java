package io.infrakit.engine.group;

import io.infrakit.engine.group.simulation.VirtualClock;
import io.infrakit.engine.group.simulation.VirtualScheduler;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.testkit.ManualClock;
import io.infrakit.testkit.FakeInstancePlugin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A controller in virtual time (the simulation's clock and scheduler), over the fake instance plugin and test flavor. */
final class Harness implements AutoCloseable {

    static final Duration POLL = Duration.ofSeconds(10);
    static final java.time.Instant START = ManualClock.DEFAULT_START;

    final VirtualClock clock;
    final VirtualScheduler scheduler;
    final FakeInstancePlugin instances;
    final FaultyInstances faults;
    final TestFlavor flavor;
    final DefaultGroupController controller;

    /**
     * A controller that keeps its journal in the store, over these instances and flavor: a second harness over
     * those of a first one is the same controller after a restart.
     */
    Harness(JournalStore journals, VirtualClock clock, FakeInstancePlugin instances, TestFlavor flavor) {
        this.clock = clock;
        this.scheduler = new VirtualScheduler(clock);
        this.instances = instances;
        this.faults = new FaultyInstances(instances);
        this.flavor = flavor;
        controller = new DefaultGroupController(new MapLookup().instance("fake", faults).flavor("test", flavor),
                clock, scheduler, scheduler, ControllerSettings.defaults(), journals);
    }

    Harness() {
        this(ControllerSettings.defaults());
    }

    Harness(ControllerSettings settings, java.util.function.Function<VirtualScheduler, java.util.concurrent.Executor> actions) {
        clock = new VirtualClock(START);
        scheduler = new VirtualScheduler(clock);
        instances = new FakeInstancePlugin("fake");
        faults = new FaultyInstances(instances);
        flavor = new TestFlavor();
        controller = new DefaultGroupController(new MapLookup().instance("fake", faults).flavor("test", flavor),
                clock, scheduler, actions.apply(scheduler), settings);
    }

    Harness(ControllerSettings settings) {
        clock = new VirtualClock(START);
        scheduler = new VirtualScheduler(clock);
        instances = new FakeInstancePlugin("fake");
        faults = new FaultyInstances(instances);
        flavor = new TestFlavor();
        controller = new DefaultGroupController(new MapLookup().instance("fake", faults).flavor("test", flavor),
                clock, scheduler, settings);
    }

    /** Runs what is due now. */
    void settle() {
        scheduler.runUntilIdle();
    }

    /** Lets the clock run poll by poll until the group is converged (or fails after an hour of clock time). */
    void converge() {
        scheduler.advanceUntil(() -> controller.status(Specs.GROUP).converged(), POLL, Duration.ofHours(1));
    }

    void polls(int count) {
        for (int i = 0; i < count; i++) {
            scheduler.advance(POLL);
        }
    }

    List<InstanceDescription> alive() {
        return instances.instances();
    }

    long aliveWithHash(String hash) {
        return alive().stream().filter(i -> hash.equals(i.tags().get(Tags.CONFIG_HASH))).count();
    }

    Map<String, String> tags(int index) {
        return alive().get(index).tags();
    }

    @Override
    public void close() {
        controller.close();
    }
}
