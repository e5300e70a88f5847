package io.infrakit.engine.group.plan;

import io.infrakit.common.Counted;
import io.infrakit.spi.group.GroupPhase;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Turns a plan's inputs and outcome into the group's phase, counts and a reason in plain words. */
final class Assessments {

    private Assessments() {
    }

    static Assessment of(PlanInput input, Census census, Budget budget, RolloutStep step, List<Action> actions,
                         boolean blocked) {
        RolloutState rollout = step.rollout();
        int desired = budget.size();
        int current = census.liveCount();
        int healthy = census.healthy();
        boolean settled = actions.isEmpty() && input.provisions().isEmpty() && input.destroying().isEmpty()
                && input.runningOperations() == 0;
        int allowance = Planner.surgeAllowance(census, budget, rollout);
        boolean atSize = census.strays().isEmpty() && current >= desired && current <= desired + allowance;
        boolean converged = !rollout.stage().isActive() && settled && atSize;
        boolean onTargetAndHealthy = settled && !census.staleExist() && census.fresh().size() == desired
                && census.freshHealthy() == desired && census.strays().isEmpty();
        GroupPhase phase;
        String reason;
        switch (rollout.stage()) {
            case FAILED -> {
                phase = GroupPhase.FAILED;
                reason = "rollout failed: " + rollout.reason();
            }
            case ROLLING_BACK -> {
                phase = GroupPhase.ROLLING_BACK;
                reason = rollout.reason();
            }
            case ROLLING_OUT -> {
                phase = input.mode() == Mode.PAUSED ? GroupPhase.PAUSED
                        : blocked ? GroupPhase.BLOCKED : GroupPhase.ROLLING_OUT;
                reason = input.mode() == Mode.PAUSED ? "paused by user"
                        : blocked ? budgetReason(healthy, budget)
                        : rolloutReason(input, census, step);
            }
            default -> {
                phase = converged ? GroupPhase.CONVERGED : GroupPhase.SCALING;
                reason = converged ? doneReason(rollout) : scalingReason(input, census, desired);
            }
        }
        return new Assessment(phase, desired, current, census.fresh().size(), healthy,
                Math.max(0, desired - healthy), reason, converged, onTargetAndHealthy);
    }

    private static String doneReason(RolloutState rollout) {
        return rollout.stage() == RolloutStage.ROLLED_BACK ? "rolled back: " + rollout.reason() : "";
    }

    private static String scalingReason(PlanInput input, Census census, int desired) {
        int pending = input.provisions().size();
        String text = census.liveCount() + " of " + desired + " instances";
        return pending > 0 ? text + ", " + pending + " being provisioned" : text;
    }

    private static String budgetReason(int healthy, Budget budget) {
        return "disruption budget: " + healthy + " of " + budget.size() + " instances healthy, at least "
                + budget.healthyFloor() + " must stay healthy";
    }

    private static String rolloutReason(PlanInput input, Census census, RolloutStep step) {
        if (step.gatePassed()) {
            return "replacing stale instances: " + census.fresh().size() + " of " + input.allocation().target()
                    + " updated";
        }
        if (census.provisionsFresh() > 0) {
            return "waiting for " + Counted.of(census.provisionsFresh(), "new instance") + " to be provisioned";
        }
        Optional<Member> waitingFor = census.fresh().stream().filter(member -> !member.healthy())
                .min(Comparator.comparing(Member::since).thenComparing(Member::id));
        if (waitingFor.isPresent()) {
            Duration waited = Duration.between(waitingFor.get().since(), input.now());
            return "waiting for " + waitingFor.get().id() + " to become healthy: "
                    + Planner.waited(waited, input.updating().healthyDeadline());
        }
        return "waiting for the new instances to stay healthy: "
                + step.rollout().threshold().waiting(input.updating(), input.now());
    }
}
