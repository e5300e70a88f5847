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
 * InfraKit scenarios 8 and 9 (docs/scenarios.md): the Count and Duration thresholds, at the controller. With a
 * threshold the flavor is asked once a poll, and the count for the next step starts at the poll after the last one,
 * as in InfraKit's quiesce loop; so the health-call counts of scenario 8 are InfraKit's.
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
        assertThat(checks).as("fake-6: healthy, unhealthy, then two healthy polls").containsExactly(8, 6, 4);
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
