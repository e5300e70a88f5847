package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.Health;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.infrakit.engine.group.Specs.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller under faults: 20% of provisions and destroys fail, 10% of describes fail, and every plugin
 * operation takes 25s of clock time, longer than the 10s poll. Whatever the seed, the group converges to exactly
 * its size, never has more than size + MaxSurge instances, never drops below size - MaxUnavailable during a
 * rollout, and destroy leaves nothing.
 */
class GroupControllerFaultTest {

    static final int SIZE = 10;

    Harness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    private String hash(Specs specs) {
        return io.infrakit.engine.group.spec.GroupPropertiesParser.parse(specs.spec().properties()).configHash();
    }

    private void convergeWithin(Duration limit) {
        harness.scheduler.advanceUntil(() -> harness.controller.status(GROUP).converged()
                && harness.alive().size() == SIZE, Harness.POLL, limit);
    }

    /** A commit lists the members for its plan text; with describe failing now and then, try again. */
    private void commit(Specs specs) {
        for (int attempt = 0; ; attempt++) {
            try {
                harness.controller.commitGroup(specs.spec(), false);
                return;
            } catch (InfrakitException e) {
                assertThat(attempt).isLessThan(10);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void convergesRollsOutAndDestroysCleanlyDespiteFailures(long seed) {
        harness = new Harness(ControllerSettings.defaults(),
                scheduler -> task -> scheduler.schedule(task, 25, TimeUnit.SECONDS));
        harness.faults.randomly(seed, 0.2, 0.2, 0.1);

        harness.controller.commitGroup(Specs.cattle(SIZE).spec(), false);
        convergeWithin(Duration.ofHours(2));
        assertThat(harness.alive()).hasSize(SIZE);
        assertThat(harness.faults.mostAlive()).isLessThanOrEqualTo(SIZE);

        harness.faults.resetCounts();
        Specs next = Specs.cattle(SIZE).instance("data2");
        commit(next);
        // As in InfraKit, a destroy that fails stops the rollout; committing again (as the manager does after a
        // restart, or the user) resumes it from the tags. The group stays at its size meanwhile.
        for (int attempt = 0; harness.aliveWithHash(hash(next)) < SIZE; attempt++) {
            assertThat(attempt).as("commits needed").isLessThan(50);
            convergeWithin(Duration.ofHours(2));
            if (harness.controller.status(GROUP).phase() == GroupPhase.FAILED) {
                assertThat(harness.controller.status(GROUP).reason()).startsWith("rollout failed: could not replace");
                commit(next);
            }
        }
        convergeWithin(Duration.ofHours(2));

        assertThat(harness.alive()).hasSize(SIZE);
        assertThat(harness.faults.mostAlive()).as("never more than size + MaxSurge").isLessThanOrEqualTo(SIZE + 1);
        assertThat(harness.faults.leastAliveAfterDestroy()).as("never below size - MaxUnavailable")
                .isGreaterThanOrEqualTo(SIZE);

        try {
            harness.controller.destroyGroup(GROUP);
        } catch (InfrakitException resisted) {
            // some destroys failed; the controller keeps trying
        }
        harness.scheduler.advanceUntil(() -> harness.controller.inspectGroups().isEmpty(), Harness.POLL,
                Duration.ofHours(2));
        harness.polls(10);
        assertThat(harness.alive()).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 8})
    void aBrokenRolloutRollsBackToTheProvenConfigDespiteFailures(long seed) {
        harness = new Harness(ControllerSettings.defaults(),
                scheduler -> task -> scheduler.schedule(task, 25, TimeUnit.SECONDS));
        harness.faults.randomly(seed, 0.2, 0.2, 0.1);
        Map<String, Object> rules = Map.of("AutoRollback", true, "HealthyDeadline", "5m", "MaxSurge", 2);
        Specs good = Specs.cattle(SIZE).updating(rules);
        harness.controller.commitGroup(good.spec(), false);
        convergeWithin(Duration.ofHours(2));

        Specs broken = Specs.cattle(SIZE).instance("broken").updating(rules);
        harness.flavor.health(i -> hash(broken).equals(i.tags().get(Tags.CONFIG_HASH)) ? Health.UNKNOWN : Health.HEALTHY);
        harness.faults.resetCounts();
        commit(broken);
        harness.scheduler.advanceUntil(() -> harness.controller.status(GROUP).reason().startsWith("rolled back")
                && harness.controller.status(GROUP).converged() && harness.alive().size() == SIZE,
                Harness.POLL, Duration.ofHours(6));

        assertThat(harness.alive()).allSatisfy(i -> assertThat(i.tags()).containsEntry(Tags.CONFIG_HASH, hash(good)));
        assertThat(harness.controller.status(GROUP).healthy()).isEqualTo(SIZE);
        assertThat(harness.faults.mostAlive()).isLessThanOrEqualTo(SIZE + 2);
        assertThat(harness.faults.leastAliveAfterDestroy()).isGreaterThanOrEqualTo(SIZE);
    }
}
