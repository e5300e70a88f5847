package io.infrakit.engine.group;

import io.infrakit.spi.Any;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HealthChecksTest {

    final HealthChecks checks = new HealthChecks();

    @AfterEach
    void close() {
        checks.close();
    }

    @Test
    void slowChecksOfDifferentMembersWaitForEachOtherNotInTurn() {
        List<InstanceDescription> members = members(HealthChecks.LANES);
        CountDownLatch allAsked = new CountDownLatch(members.size());
        // Each check is healthy only once every member's check has started, which only parallel checks achieve.
        Health[] verdicts = checks.check(flavor(member -> {
            allAsked.countDown();
            try {
                return allAsked.await(10, TimeUnit.SECONDS) ? Health.HEALTHY : Health.UNHEALTHY;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.UNKNOWN;
            }
        }), Any.empty(), members);

        assertThat(verdicts).containsOnly(Health.HEALTHY).hasSize(members.size());
    }

    @Test
    void eachVerdictIsItsOwnMembersAndAFailingCheckIsUnknown() {
        List<InstanceDescription> members = members(40);
        Health[] verdicts = checks.check(flavor(member -> {
            int number = Integer.parseInt(member.id().value().substring("m-".length()));
            if (number % 7 == 0) {
                throw new IllegalStateException("probe broke");
            }
            return number % 2 == 0 ? Health.HEALTHY : Health.UNHEALTHY;
        }), Any.empty(), members);

        assertThat(verdicts).hasSize(40);
        for (int i = 0; i < 40; i++) {
            Health expected = i % 7 == 0 ? Health.UNKNOWN : i % 2 == 0 ? Health.HEALTHY : Health.UNHEALTHY;
            assertThat(verdicts[i]).as("m-" + i).isEqualTo(expected);
        }
    }

    @Test
    void noMembersNoChecks() {
        assertThat(checks.check(flavor(member -> {
            throw new AssertionError("asked about nobody");
        }), Any.empty(), List.of())).isEmpty();
    }

    private static List<InstanceDescription> members(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new InstanceDescription(InstanceId.of("m-" + i), null, Map.of(), null))
                .toList();
    }

    private static FlavorPlugin flavor(Function<InstanceDescription, Health> health) {
        return new ScriptedFlavorPlugin().health(health);
    }
}
