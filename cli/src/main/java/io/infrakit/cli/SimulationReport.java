package io.infrakit.cli;

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
