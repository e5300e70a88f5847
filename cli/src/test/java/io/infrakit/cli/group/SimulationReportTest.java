package io.infrakit.cli.group;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.engine.group.simulation.ScheduleStep;
import io.infrakit.engine.group.simulation.SimulationResult;
import io.infrakit.engine.group.simulation.SimulationSettings;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.Json;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationReportTest {

    static final GroupId WEB = GroupId.of("web");
    static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");

    static GroupStatus status(GroupPhase phase, String reason) {
        return new GroupStatus(WEB, phase, 3, 3, 3, 3, 0, "b", "b", reason, "", false, true, NOW);
    }

    @Test
    void theScheduleShowsEachStepTheTotalAndTheEta() {
        SimulationResult result = new SimulationResult("Performing a rolling update on 3 instances", List.of(
                new ScheduleStep(Duration.ZERO, 1, 0, 0), new ScheduleStep(Duration.ofSeconds(100), 0, 1, 0)),
                true, Duration.ofMinutes(25), status(GroupPhase.CONVERGED, ""), 4, 100);

        String text = SimulationReport.render(WEB, result.plan(), SimulationSettings.defaults(), result, NOW,
                ZoneOffset.UTC);

        assertThat(text).isEqualTo("""
                Simulating web: Performing a rolling update on 3 instances
                (simulated: each provision and destroy takes 30s, a new instance is healthy 1m after it is \
                provisioned, the controller polls every 10s; no instance was touched)

                AT      NEW  REPLACED  REMOVED  REPLACED SO FAR
                +0s     1    0         0        0
                +1m40s  0    1         0        1

                Predicted: 1 batch, converged with all 3 instances healthy after 25m (ETA 2024-01-01 12:25:00); \
                at most 4 instances at once
                """);
    }

    @Test
    void asDataTheScheduleHasPascalCaseKeysEveryStepAndTheEta() throws Exception {
        SimulationResult result = new SimulationResult("Performing a rolling update on 3 instances", List.of(
                new ScheduleStep(Duration.ZERO, 1, 0, 0), new ScheduleStep(Duration.ofSeconds(100), 0, 1, 0)),
                true, Duration.ofMinutes(25), status(GroupPhase.CONVERGED, ""), 4, 100);

        JsonNode json = Json.mapper().valueToTree(SimulationReport.data(WEB, result.plan(),
                SimulationSettings.defaults(), result, NOW));

        assertThat(json.get("ID").asText()).isEqualTo("web");
        assertThat(json.get("Plan").asText()).isEqualTo("Performing a rolling update on 3 instances");
        assertThat(json.get("Steps").toString()).isEqualTo("[{\"At\":\"PT0S\",\"New\":1,\"Replaced\":0,\"Removed\":0},"
                + "{\"At\":\"PT1M40S\",\"New\":0,\"Replaced\":1,\"Removed\":0}]");
        assertThat(json.get("Duration").asText()).isEqualTo("PT25M");
        assertThat(json.get("ETA").asText()).isEqualTo("2024-01-01T12:25:00Z");
        assertThat(json.get("Succeeded").asBoolean()).isTrue();
        assertThat(json.get("Batches").asInt()).isEqualTo(1);
        assertThat(json.get("MostAlive").asInt()).isEqualTo(4);
        assertThat(json.get("Status").get("Phase").asText()).isEqualTo("Converged");
        assertThat(json.get("ProvisionTime").asText()).isEqualTo("PT30S");
    }

    @Test
    void aLongScheduleShowsItsFirstAndLastSteps() {
        List<ScheduleStep> steps = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            steps.add(new ScheduleStep(Duration.ofMinutes(i), 1, 1, 0));
        }
        SimulationResult result = new SimulationResult("plan", steps, true, Duration.ofHours(2),
                status(GroupPhase.CONVERGED, ""), 101, 1000);

        String text = SimulationReport.render(WEB, "plan", SimulationSettings.defaults(), result, NOW, ZoneOffset.UTC);

        assertThat(text).contains("+19m", "(75 more steps)", "+1h35m", "+1h39m  1    1         0        100")
                .doesNotContain("+20m ");
    }

    @Test
    void aFailingRolloutSaysWhereItStops() {
        SimulationResult result = new SimulationResult("plan", List.of(new ScheduleStep(Duration.ZERO, 1, 0, 0)),
                true, Duration.ofMinutes(11), status(GroupPhase.FAILED, "rollout failed: sim-000001 did not become "
                + "healthy within 10m"), 4, 10);

        String text = SimulationReport.render(WEB, "plan", SimulationSettings.defaults(), result, NOW, ZoneOffset.UTC);

        assertThat(text).endsWith("Predicted: the rollout stops after 11m: rollout failed: sim-000001 did not "
                + "become healthy within 10m\n");
    }
}
