package io.infrakit.engine.group;

import io.infrakit.engine.group.simulation.VirtualClock;
import io.infrakit.engine.group.simulation.VirtualScheduler;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.plugins.instance.simulator.SimulatorInstancePlugin;
import io.infrakit.plugins.instance.simulator.SimulatorSettings;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.infrakit.engine.group.Specs.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller against the real simulator plugin under faults, in virtual time: 20% of provisions and destroys
 * fail, 10% of describes fail, and every provision and destroy takes 25s, longer than the 10s poll; a new instance
 * turns healthy 60s after it exists. Whatever the seed, the group converges to exactly its size, never has more than
 * size + MaxSurge instances, never has fewer healthy ones than size - MaxUnavailable during a rollout (both taken
 * right after every provision and destroy), and destroy leaves no instance.
 */
class GroupControllerFaultTest {

    static final int SIZE = 10;
    static final Duration POLL = Duration.ofSeconds(10);
    static final Duration PLUGIN_CALL = Duration.ofSeconds(25);
    static final Duration WARM_UP = Duration.ofSeconds(60);
    static final Duration LIMIT = Duration.ofHours(2);

    VirtualScheduler scheduler;
    VirtualTimeOperations operations;
    WatchedInstances instances;
    DefaultGroupController controller;

    @AfterEach
    void close() {
        controller.close();
        operations.close();
    }

    private void start(long seed) {
        VirtualClock clock = new VirtualClock(Harness.START);
        scheduler = new VirtualScheduler(clock);
        operations = new VirtualTimeOperations(scheduler);
        SimulatorSettings faulty = SimulatorSettings.defaults().withSeed(seed)
                .withDelays(PLUGIN_CALL, PLUGIN_CALL)
                .withFailureRate(0.2).withDestroyFailureRate(0.2).withDescribeFailureRate(0.1);
        instances = new WatchedInstances(new SimulatorInstancePlugin("", faulty, operations::sleep), clock, WARM_UP);
        TestFlavor flavor = new TestFlavor().health(i -> instances.isHealthy(i.id()) ? Health.HEALTHY : Health.UNKNOWN);
        controller = new DefaultGroupController(new MapLookup().instance("simulator", instances).flavor("test", flavor),
                clock, scheduler, operations, ControllerSettings.defaults().withPollInterval(POLL));
    }

    private static Specs specs() {
        return Specs.cattle(SIZE).on("simulator");
    }

    private static String hash(Specs specs) {
        return GroupPropertiesParser.parse(specs.spec().properties()).configHash();
    }

    private void convergeHealthy() {
        scheduler.advanceUntil(() -> controller.status(GROUP).converged() && instances.alive() == SIZE
                && instances.healthy() == SIZE, POLL, LIMIT);
    }

    /** A commit lists the members for its plan text; with describe failing now and then, try again. */
    private void commit(Specs specs) {
        for (int attempt = 0; ; attempt++) {
            try {
                controller.commitGroup(specs.spec(), false);
                return;
            } catch (InfrakitException e) {
                assertThat(attempt).as("commit attempts").isLessThan(10);
            }
        }
    }

    /** Destroys the group as a manager thread would: the call blocks while the simulator destroys, one by one. */
    private void destroyGroupAndWait() {
        operations.execute(() -> {
            try {
                controller.destroyGroup(GROUP);
            } catch (InfrakitException resisted) {
                // some destroys failed; the controller keeps destroying until none is left
            }
        });
        scheduler.advanceUntil(() -> controller.inspectGroups().isEmpty(), POLL, LIMIT);
        scheduler.advance(POLL.multipliedBy(10));
    }

    private void assertFaultsHappened() {
        assertThat(instances.failures("provision")).as("failed provisions").isPositive();
        assertThat(instances.failures("destroy")).as("failed destroys").isPositive();
        assertThat(instances.failures("describe")).as("failed describes").isPositive();
        assertThat(scheduler.failures()).as("tasks that threw").isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void convergesRollsOutAndDestroysCleanlyDespiteFailures(long seed) {
        start(seed);

        controller.commitGroup(specs().spec(), false);
        convergeHealthy();
        scheduler.advance(POLL.multipliedBy(5));
        assertThat(instances.alive()).as("exactly its size, and it stays so").isEqualTo(SIZE);
        assertThat(instances.mostAlive()).isLessThanOrEqualTo(SIZE);

        instances.reset();
        Specs next = specs().instance("data2");
        commit(next);
        // As in InfraKit, a destroy that fails stops the rollout; committing again (as the manager does after a
        // restart, or the user) resumes it from the tags. The group stays at its size meanwhile.
        for (int attempt = 0; instances.aliveWith(hash(next)) < SIZE; attempt++) {
            assertThat(attempt).as("commits needed").isLessThan(50);
            convergeHealthy();
            GroupStatus status = controller.status(GROUP);
            if (status.phase() == GroupPhase.FAILED) {
                assertThat(status.reason()).startsWith("rollout failed: could not replace");
                commit(next);
            }
        }
        convergeHealthy();

        assertThat(instances.alive()).isEqualTo(SIZE);
        assertThat(instances.mostAlive()).as("never more than size + MaxSurge").isLessThanOrEqualTo(SIZE + 1);
        assertThat(instances.fewestHealthyAfterDestroy()).as("never fewer healthy than size - MaxUnavailable")
                .isGreaterThanOrEqualTo(SIZE);

        destroyGroupAndWait();
        assertThat(instances.alive()).isZero();
        assertFaultsHappened();
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        List<GroupEvent> first = eventsOfARollout(3);
        close();
        List<GroupEvent> second = eventsOfARollout(3);

        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(GroupEvent::type).contains("ProvisionFailed", "ReconcileFailed");
    }

    private List<GroupEvent> eventsOfARollout(long seed) {
        start(seed);
        controller.commitGroup(specs().spec(), false);
        convergeHealthy();
        commit(specs().instance("data2"));
        scheduler.advance(Duration.ofMinutes(30));
        return controller.events(GROUP, 0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8})
    void aBrokenRolloutRollsBackToTheProvenConfigDespiteFailures(long seed) {
        start(seed);
        Map<String, Object> rules = Map.of("AutoRollback", true, "HealthyDeadline", "5m", "MaxSurge", 2);
        Specs good = specs().updating(rules);
        controller.commitGroup(good.spec(), false);
        convergeHealthy();

        Specs broken = specs().instance("broken").updating(rules);
        instances.neverHealthy(hash(broken));
        instances.reset();
        commit(broken);
        scheduler.advanceUntil(() -> controller.status(GROUP).reason().startsWith("rolled back")
                && controller.status(GROUP).converged() && instances.alive() == SIZE, POLL, Duration.ofHours(6));

        assertThat(instances.aliveWith(hash(good))).isEqualTo(SIZE);
        assertThat(controller.status(GROUP).healthy()).isEqualTo(SIZE);
        assertThat(instances.mostAlive()).as("never more than size + MaxSurge").isLessThanOrEqualTo(SIZE + 2);
        assertThat(instances.fewestHealthyAfterDestroy()).as("never fewer healthy than size - MaxUnavailable")
                .isGreaterThanOrEqualTo(SIZE);
        destroyGroupAndWait();
        assertThat(instances.alive()).isZero();
        assertFaultsHappened();
    }
}
