package io.infrakit.engine.group.plan;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * Moves the rollout's stage along what was observed: it starts when a stale member shows up, ends when none is
 * left, notices progress, and on a missed deadline fails or (with AutoRollback and a proven config to go back
 * to) turns into a rollback.
 */
final class RolloutTracker {

    private RolloutTracker() {
    }

    static RolloutState track(PlanInput input, Census census) {
        RolloutState rollout = input.rollout();
        if (!census.staleExist()) {
            return switch (rollout.stage()) {
                case ROLLING_OUT, ROLLING_BACK, FAILED -> rollout.finished();
                default -> rollout;
            };
        }
        if (rollout.stage() == RolloutStage.ROLLED_BACK) {
            // A member being destroyed is not counted, so a rollback looks done while its last destroys run; one
            // that fails brings its member back, and the rollback goes on (no health gates, the same reason).
            return RolloutState.rollingBackTo(rollout.targetHash(), input.now(), rollout.reason());
        }
        if (rollout.stage() == RolloutStage.IDLE || rollout.stage() == RolloutStage.COMPLETED) {
            rollout = rollout.started(input.now(), census.stale().size());
        }
        if (rollout.stage() != RolloutStage.ROLLING_OUT) {
            return rollout;
        }
        if (input.mode() == Mode.PAUSED) {
            return rollout.heldAt(input.now());
        }
        rollout = rollout.progressed(input.now(), census.stale().size(), census.freshHealthy());
        Optional<String> breach = breach(input, census, rollout);
        if (breach.isEmpty()) {
            return rollout;
        }
        boolean canRollBack = input.updating().autoRollback() && rollout.fallbackHash() != null
                && !rollout.fallbackHash().equals(rollout.targetHash());
        return canRollBack ? rollout.rollingBack(input.now(), breach.get()) : rollout.failed(breach.get());
    }

    private static Optional<String> breach(PlanInput input, Census census, RolloutState rollout) {
        Duration healthyDeadline = input.updating().healthyDeadline();
        Optional<Member> late = census.fresh().stream()
                .filter(member -> !member.healthy())
                .filter(member -> Duration.between(member.since(), input.now()).compareTo(healthyDeadline) > 0)
                .min(Comparator.comparing(Member::since).thenComparing(Member::id));
        if (late.isPresent()) {
            return Optional.of(late.get().id() + " did not become healthy within "
                    + WaitTimes.format(healthyDeadline));
        }
        Duration progressDeadline = input.updating().progressDeadline();
        if (input.updating().hasProgressDeadline()
                && Duration.between(rollout.lastProgressAt(), input.now()).compareTo(progressDeadline) > 0) {
            return Optional.of("no progress for " + WaitTimes.format(progressDeadline));
        }
        return Optional.empty();
    }
}
