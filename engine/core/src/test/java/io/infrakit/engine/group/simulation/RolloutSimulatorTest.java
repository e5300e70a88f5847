package io.infrakit.engine.group.simulation;

import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloutSimulatorTest {

    static final GroupId GROUP = GroupId.of("web");
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    final RolloutSimulator simulator = new RolloutSimulator(SimulationSettings.defaults()
            .withLatency(Duration.ofSeconds(30), Duration.ofSeconds(60))
            .withController(ControllerSettings.defaults().withPollInterval(Duration.ofSeconds(10))));

    static GroupSpec spec(int size, String version, String updating) {
        return new GroupSpec(GROUP, Any.parse("{\"Allocation\": {\"Size\": " + size + "},"
                + " \"Instance\": {\"Plugin\": \"file\", \"Properties\": {\"Version\": \"" + version + "\"}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\"}, \"Updating\": {" + updating + "}}"));
    }

    static List<InstanceDescription> members(GroupSpec spec, int count) {
        String hash = GroupPropertiesParser.parse(spec.properties()).configHash();
        List<InstanceDescription> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new InstanceDescription(InstanceId.of("old-" + i), null,
                    Map.of(Tags.GROUP, GROUP.value(), Tags.CONFIG_HASH, hash), null));
        }
        return members;
    }

    @Test
    void aNewGroupIsProvisionedAtOnceAndHealthyAtThePollAfterItsInstancesAre() {
        SimulationResult result = simulator.simulate(null, List.of(), spec(100, "1", ""), START);

        assertThat(result.finished()).isTrue();
        assertThat(result.steps()).containsExactly(new ScheduleStep(Duration.ZERO, 100, 0, 0));
        // provisioned after 30s, healthy 60s later: the poll at 90s sees it
        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(result.status().phase()).isEqualTo(GroupPhase.CONVERGED);
        assertThat(result.status().healthy()).isEqualTo(100);
        assertThat(result.plan()).isEqualTo("Managing 100 instances");
    }

    @Test
    void aOneAtATimeRolloutReplacesEachStaleInstanceAfterItsReplacementIsHealthy() {
        GroupSpec current = spec(10, "1", "");
        GroupSpec next = spec(10, "2", "\"MaxSurge\": 1, \"MaxUnavailable\": 0");

        SimulationResult result = simulator.simulate(current, members(current, 10), next, START);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.plan()).isEqualTo("Performing a rolling update on 10 instances");
        assertThat(result.batches()).hasSize(10).allSatisfy(batch -> assertThat(batch.replaced()).isEqualTo(1));
        assertThat(result.mostAlive()).isEqualTo(11);
        assertThat(result.status().updated()).isEqualTo(10);
        assertThat(result.status().targetHash())
                .isEqualTo(GroupPropertiesParser.parse(next.properties()).configHash());
        // each step: provision 30s, healthy 60s later, seen at the next poll, destroy 30s
        assertThat(result.duration()).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(25));
    }

    @Test
    void aSurgeOfTenPercentRollsTenThousandInstancesInTenBatches() {
        GroupSpec current = spec(10_000, "1", "");
        GroupSpec next = spec(10_000, "2", "\"MaxSurge\": \"10%\"");

        SimulationResult result = simulator.simulate(current, members(current, 10_000), next, START);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.batches()).hasSize(10).allSatisfy(batch -> assertThat(batch.replaced()).isEqualTo(1000));
        assertThat(result.mostAlive()).isEqualTo(11_000);
        assertThat(result.status().healthy()).isEqualTo(10_000);
    }

    @Test
    void theSameInputGivesTheSameSchedule() {
        GroupSpec current = spec(50, "1", "");
        GroupSpec next = spec(60, "2", "\"MaxSurge\": \"20%\", \"MaxUnavailable\": 5");

        SimulationResult first = simulator.simulate(current, members(current, 50), next, START);
        SimulationResult second = simulator.simulate(current, members(current, 50), next, START);

        assertThat(first).isEqualTo(second);
        assertThat(first.status().current()).isEqualTo(60);
    }

    @Test
    void instancesTooSlowForTheHealthyDeadlineRollBackToTheProvenConfig() {
        GroupSpec current = spec(5, "1", "");
        GroupSpec next = spec(5, "2", "\"HealthyDeadline\": \"1m\", \"AutoRollback\": true");
        RolloutSimulator slow = new RolloutSimulator(SimulationSettings.defaults()
                .withLatency(Duration.ofSeconds(10), Duration.ofMinutes(5)));

        SimulationResult result = slow.simulate(current, members(current, 5), next, START);

        assertThat(result.finished()).isTrue();
        assertThat(result.status().reason()).startsWith("rolled back: ");
        assertThat(result.status().targetHash())
                .isEqualTo(GroupPropertiesParser.parse(current.properties()).configHash());
        // one new instance started, never healthy; the rollback replaces it with the proven config
        assertThat(result.steps().get(0)).isEqualTo(new ScheduleStep(Duration.ZERO, 1, 0, 0));
        assertThat(result.batches()).singleElement().extracting(ScheduleStep::replaced).isEqualTo(1);
        assertThat(result.status().healthy()).isEqualTo(5);
    }

    @Test
    void aRolloutThatCannotFinishInTheLimitIsReportedUnfinished() {
        GroupSpec current = spec(5, "1", "");
        GroupSpec next = spec(5, "2", "");
        RolloutSimulator short_ = new RolloutSimulator(SimulationSettings.defaults().withLimit(Duration.ofMinutes(1)));

        SimulationResult result = short_.simulate(current, members(current, 5), next, START);

        assertThat(result.finished()).isFalse();
        assertThat(result.duration()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aGroupLargerThanASimulationRunsIsAnInvalidSpecNamingTheField() {
        RolloutSimulator bounded = new RolloutSimulator(SimulationSettings.defaults()
                .withBounds(1_000, SimulationSettings.DEFAULT_WALL_TIME_LIMIT));
        GroupSpec pets = new GroupSpec(GROUP, Any.parse("{\"Allocation\": {\"LogicalIDs\": [\"a\", \"b\", \"c\"]},"
                + " \"Instance\": {\"Plugin\": \"file\"}, \"Flavor\": {\"Plugin\": \"vanilla\"}}"));

        assertThatThrownBy(() -> bounded.simulate(null, List.of(), spec(20_000_000, "1", ""), START))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Properties.Allocation.Size: 20000000 instances are more than a simulation runs "
                        + "(at most 1000, INFRAKIT_SIMULATION_MAX_SIZE)");
        assertThat(bounded.simulate(null, List.of(), spec(1_000, "1", ""), START).finished()).isTrue();
        assertThatThrownBy(() -> new RolloutSimulator(SimulationSettings.defaults()
                .withBounds(2, Duration.ofMinutes(1))).checkSize(pets))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("Properties.Allocation.LogicalIDs: 3 instances are more than");
    }

    @Test
    void aSimulationStopsAtItsWallTimeLimit() {
        RolloutSimulator hurried = new RolloutSimulator(SimulationSettings.defaults()
                .withBounds(SimulationSettings.DEFAULT_MAX_SIZE, Duration.ofNanos(1)));

        assertThatThrownBy(() -> hurried.simulate(null, List.of(), spec(5_000, "1", ""), START))
                .isInstanceOf(SimulationTimeoutException.class)
                .hasMessageStartingWith("simulating web took longer than 1ns (INFRAKIT_SIMULATION_TIMEOUT); stopped ")
                .hasMessageEndingWith(" into the simulated rollout, nothing was changed");
    }

    @Test
    void theBoundsComeFromTheEnvironmentWithGenerousDefaults() {
        SimulationSettings defaults = SimulationSettings.defaults().withBoundsFrom(Map.of());
        assertThat(defaults.maxSize()).isEqualTo(100_000);
        assertThat(defaults.wallTimeLimit()).isEqualTo(Duration.ofMinutes(5));

        SimulationSettings set = SimulationSettings.defaults().withBoundsFrom(Map.of(
                "INFRAKIT_SIMULATION_MAX_SIZE", "500", "INFRAKIT_SIMULATION_TIMEOUT", "90s"));
        assertThat(set.maxSize()).isEqualTo(500);
        assertThat(set.wallTimeLimit()).isEqualTo(Duration.ofSeconds(90));

        assertThatThrownBy(() -> SimulationSettings.defaults().withBoundsFrom(
                Map.of("INFRAKIT_SIMULATION_MAX_SIZE", "-1")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("INFRAKIT_SIMULATION_MAX_SIZE: expected a positive number, got \"-1\"");
        assertThatThrownBy(() -> SimulationSettings.defaults().withBoundsFrom(
                Map.of("INFRAKIT_SIMULATION_TIMEOUT", "0")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("INFRAKIT_SIMULATION_TIMEOUT: expected a positive duration, got \"0\"");
    }
}
