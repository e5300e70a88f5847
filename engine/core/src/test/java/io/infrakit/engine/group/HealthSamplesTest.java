package io.infrakit.engine.group;

import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthSamplesTest {

    final HealthSamples samples = new HealthSamples();

    @Test
    void aPollIsTakenOnceAndTheFirstReconcileHasOne() {
        assertThat(samples.takePoll()).as("a group's first reconcile asks the flavor").isTrue();
        assertThat(samples.takePoll()).isFalse();
        samples.pollDue();
        samples.pollDue();
        assertThat(samples.takePoll()).as("polls not yet taken count once").isTrue();
        assertThat(samples.takePoll()).isFalse();
    }

    @Test
    void betweenPollsTheLastVerdictsStandAndANewMemberIsUnknown() {
        samples.remember(List.of(member("a"), member("b")), new Health[]{Health.HEALTHY, Health.UNHEALTHY});

        assertThat(samples.remembered(List.of(member("b"), member("c"), member("a"))))
                .containsExactly(Health.UNHEALTHY, Health.UNKNOWN, Health.HEALTHY);

        samples.remember(List.of(member("c")), new Health[]{Health.HEALTHY});
        assertThat(samples.remembered(List.of(member("a"), member("c"))))
                .as("a poll replaces every verdict").containsExactly(Health.UNKNOWN, Health.HEALTHY);

        samples.forget();
        assertThat(samples.remembered(List.of(member("c")))).containsExactly(Health.UNKNOWN);
    }

    private static InstanceDescription member(String id) {
        return new InstanceDescription(InstanceId.of(id), null, Map.of(), null);
    }
}
