package io.infrakit.engine.group;

import io.infrakit.common.Counted;
import io.infrakit.engine.group.plan.Action;
import io.infrakit.engine.group.plan.Assessment;
import io.infrakit.engine.group.plan.Plan;
import io.infrakit.engine.group.plan.RolloutState;
import io.infrakit.spi.instance.DestroyReason;

import java.time.Instant;

/** The events one accepted plan tells about: the rollout's stage changes and steps, and convergence. */
final class ReconcileEvents {

    private ReconcileEvents() {
    }

    static void record(GroupState group, RolloutState before, Plan plan, boolean wasConverged, Instant now) {
        RolloutState after = plan.rollout();
        Assessment assessment = plan.assessment();
        if (after.stage() != before.stage() || !after.targetHash().equals(before.targetHash())) {
            stageChanged(group, after, assessment, now);
        }
        long replaced = plan.actions().stream().filter(action -> action instanceof Action.Destroy destroy
                && destroy.reason() == DestroyReason.ROLLING_UPDATE).count();
        if (replaced > 0) {
            group.events.add(now, "RolloutStep", "", "replacing " + Counted.of(replaced, "stale instance") + ": "
                    + assessment.updated() + " of " + assessment.desired() + " updated");
        }
        if (assessment.converged() && !wasConverged) {
            group.events.add(now, "Converged", "", Counted.of(assessment.desired(), "instance") + " on config "
                    + after.targetHash());
        }
    }

    private static void stageChanged(GroupState group, RolloutState after, Assessment assessment, Instant now) {
        switch (after.stage()) {
            case ROLLING_OUT -> group.events.add(now, "RolloutStarted", "", "rolling out config "
                    + after.targetHash() + " to " + Counted.of(assessment.desired() - assessment.updated(), "instance"));
            case COMPLETED -> group.events.add(now, "RolloutCompleted", "", "every instance runs config "
                    + after.targetHash());
            case ROLLING_BACK -> group.events.add(now, "RollbackStarted", "", after.reason());
            case ROLLED_BACK -> group.events.add(now, "RolledBack", "", "every instance runs config "
                    + after.targetHash() + " again");
            case FAILED -> group.events.add(now, "RolloutFailed", "", after.reason());
            case IDLE -> {
            }
        }
    }
}
