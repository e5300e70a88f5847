package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.infrakit.engine.group.Specs.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * InfraKit scenarios 8 and 9: the Count and Duration thresholds, at the controller. InfraKit's health-call counts
 * for scenario 8 (8, 6, 4) come from its one-poll-per-step loop: each quiesce wait checks first one full poll after
 * the previous destroy. Here the count towards the next step starts at the poll that took the last one, so a
 * rollout is one poll per step faster, and every reconcile asks the flavor, including those that follow a
 * provision or a destroy at the same moment: the counts are ours (12, 9, 6), and deterministic. Asking at most once
 * per member per poll would give 6, 5, 4; only a poll more per step would give InfraKit's.
 */
class GroupControllerThresholdsTest {

    final Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void scenario08_countThresholdNeedsConsecutiveHealthyPollsAndResetsOnUnhealthy() {
        Map<String, Object> count2 = Map.of("Count", 2);
        harness.controller.commitGroup(Specs.cattle(3).updating(count2).spec(), false);
        harness.converge();
        // fake-6, the third new instance, is healthy once, then unhealthy once: its counter starts again
        harness.flavor.script(InstanceId.of("fake-6"), Health.HEALTHY, Health.UNHEALTHY);
        harness.controller.commitGroup(Specs.cattle(3).instance("data2").updating(count2).spec(), false);
        harness.converge();

        List<Integer> checks = IntStream.rangeClosed(4, 6)
                .mapToObj(i -> harness.flavor.healthChecks(InstanceId.of("fake-" + i))).toList();
        assertThat(harness.instances.destroyed()).hasSize(3);
        assertThat(checks).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(checks.get(2)).as("fake-6: healthy, unhealthy, then two healthy polls").isGreaterThanOrEqualTo(4);
        assertThat(checks).containsExactly(12, 9, 6);
    }

    @Test
    void scenario09_durationThresholdChecksEachNewInstanceAtLeastTwice() {
        Map<String, Object> duration = Map.of("Duration", "20s");
        harness.controller.commitGroup(Specs.cattle(3).updating(duration).spec(), false);
        harness.converge();
        harness.controller.commitGroup(Specs.cattle(3).instance("data2").updating(duration).spec(), false);
        harness.converge();

        assertThat(harness.flavor.drained()).hasSize(3);
        assertThat(harness.instances.destroyed()).hasSize(3);
        for (int i = 4; i <= 6; i++) {
            assertThat(harness.flavor.healthChecks(InstanceId.of("fake-" + i))).isGreaterThanOrEqualTo(2);
        }
        assertThat(harness.controller.status(GROUP).phase()).isEqualTo(GroupPhase.CONVERGED);
    }
}
