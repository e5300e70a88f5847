package io.infrakit.cli.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.Printer;
import io.infrakit.engine.group.plan.WaitTimes;
import io.infrakit.engine.group.simulation.ScheduleStep;
import io.infrakit.engine.group.simulation.SimulationResult;
import io.infrakit.engine.group.simulation.SimulationSettings;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The predicted schedule of {@code group commit --simulate}, for people. */
final class SimulationReport {

    /** Longer schedules show their first and last steps only. */
    static final int FIRST_STEPS = 20;
    static final int LAST_STEPS = 5;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private SimulationReport() {
    }

    /** The schedule as data, for {@code -o json|yaml}; durations as ISO-8601 (PT1M30S), every step listed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Simulated(@JsonProperty("ID") String id,
                     @JsonProperty("Plan") String plan,
                     @JsonProperty("ProvisionTime") String provisionTime,
                     @JsonProperty("HealthyTime") String healthyTime,
                     @JsonProperty("PollInterval") String pollInterval,
                     @JsonProperty("Steps") List<Step> steps,
                     @JsonProperty("Finished") boolean finished,
                     @JsonProperty("Succeeded") boolean succeeded,
                     @JsonProperty("Duration") String duration,
                     @JsonProperty("ETA") Instant eta,
                     @JsonProperty("Batches") int batches,
                     @JsonProperty("MostAlive") int mostAlive,
                     @JsonProperty("Status") GroupStatus status) {
    }

    record Step(@JsonProperty("At") String at,
                @JsonProperty("New") int started,
                @JsonProperty("Replaced") int replaced,
                @JsonProperty("Removed") int removed) {
    }

    static Simulated data(GroupId id, String plan, SimulationSettings settings, SimulationResult result,
                          Instant now) {
        return new Simulated(id.value(), plan, settings.provisionTime().toString(),
                settings.healthyTime().toString(), settings.controller().pollInterval().toString(),
                result.steps().stream().map(step -> new Step(step.at().toString(), step.started(), step.replaced(),
                        step.removed())).toList(),
                result.finished(), result.succeeded(), result.duration().toString(),
                result.succeeded() ? now.plus(result.duration()) : null, result.batches().size(), result.mostAlive(),
                result.status());
    }

    static String render(GroupId id, String plan, SimulationSettings settings, SimulationResult result, Instant now,
                         ZoneId zone) {
        StringBuilder text = new StringBuilder()
                .append("Simulating ").append(id).append(": ").append(plan).append('\n')
                .append("(simulated: each provision and destroy takes ")
                .append(WaitTimes.format(settings.provisionTime()))
                .append(", a new instance is healthy ").append(WaitTimes.format(settings.healthyTime()))
                .append(" after it is provisioned, the controller polls every ")
                .append(WaitTimes.format(settings.controller().pollInterval()))
                .append("; no instance was touched)\n\n");
        text.append(steps(result.steps())).append('\n');
        GroupStatus status = result.status();
        if (!result.finished()) {
            text.append("Predicted: not settled after ").append(WaitTimes.format(result.duration()))
                    .append(" of simulated time: ").append(status.phase());
            return appendReason(text, status).append('\n').toString();
        }
        if (!result.succeeded()) {
            text.append("Predicted: the rollout stops after ").append(WaitTimes.format(result.duration()));
            return appendReason(text, status).append('\n').toString();
        }
        text.append("Predicted: ").append(result.batches().size()).append(result.batches().size() == 1
                        ? " batch" : " batches")
                .append(", converged with all ").append(status.healthy()).append(" instances healthy after ")
                .append(WaitTimes.format(result.duration()))
                .append(" (ETA ").append(TIME.format(now.plus(result.duration()).atZone(zone))).append(')')
                .append("; at most ").append(result.mostAlive()).append(" instances at once");
        if (!status.reason().isEmpty()) {
            text.append("\n  ").append(status.reason());
        }
        return text.append('\n').toString();
    }

    private static StringBuilder appendReason(StringBuilder text, GroupStatus status) {
        return status.reason().isEmpty() ? text : text.append(": ").append(status.reason());
    }

    private static String steps(List<ScheduleStep> steps) {
        if (steps.isEmpty()) {
            return "Nothing to do: the group already matches the spec.\n";
        }
        boolean shorten = steps.size() > FIRST_STEPS + LAST_STEPS + 1;
        List<List<String>> rows = new ArrayList<>();
        int replacedSoFar = 0;
        for (int i = 0; i < steps.size(); i++) {
            ScheduleStep step = steps.get(i);
            replacedSoFar += step.replaced();
            if (shorten && i == FIRST_STEPS) {
                rows.add(List.of("...", "", "", "", "(" + (steps.size() - FIRST_STEPS - LAST_STEPS) + " more steps)"));
            }
            if (!shorten || i < FIRST_STEPS || i >= steps.size() - LAST_STEPS) {
                rows.add(List.of("+" + WaitTimes.format(step.at()), Integer.toString(step.started()),
                        Integer.toString(step.replaced()), Integer.toString(step.removed()),
                        Integer.toString(replacedSoFar)));
            }
        }
        return Printer.table(List.of("AT", "NEW", "REPLACED", "REMOVED", "REPLACED SO FAR"), rows);
    }
}
