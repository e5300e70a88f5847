package io.infrakit.engine.group.plan;

import io.infrakit.spi.instance.DestroyReason;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of a rolling update: when the new members are healthy enough (InfraKit's quiesce check; skipped on the
 * way back), replace as many stale members as the disruption budget allows, self last and only drained.
 *
 * @param replaced    stale members this step destroys
 * @param gatePassed  the new members were healthy enough for a step
 */
record RolloutStep(RolloutState rollout, int replaced, boolean gatePassed) {

    static RolloutStep none(RolloutState rollout) {
        return new RolloutStep(rollout, 0, false);
    }

    static RolloutStep take(PlanInput input, Census census, Budget budget, RolloutState rollout,
                            List<Member> removed, Planner.Slots slots, List<Action> actions) {
        boolean rollingBack = rollout.stage() == RolloutStage.ROLLING_BACK;
        int needed = rollingBack ? 0 : Math.min(budget.size(), census.fresh().size() + census.provisionsFresh());
        HealthThreshold.Check check = rollout.threshold()
                .check(needed, census.freshHealthy(), input.updating(), input.freshHealth(), input.now());
        rollout = rollout.withThreshold(check.next());
        if (!check.passed()) {
            return new RolloutStep(rollout, 0, false);
        }
        int liveAfter = census.liveCount() - (int) removed.stream().filter(m -> !census.strays().contains(m)).count();
        int healthyAfter = census.healthy() - (int) removed.stream()
                .filter(m -> !census.strays().contains(m) && m.healthy()).count();
        List<Member> candidates = new ArrayList<>(census.stale());
        candidates.removeAll(removed);
        candidates.sort(MemberOrder.REPLACEMENT_ORDER);
        int replaced = 0;
        boolean drainedSelf = false;
        for (Member member : candidates) {
            if (liveAfter - 1 < budget.countFloor()) {
                break;
            }
            if (member.healthy() && healthyAfter - 1 < budget.healthyFloor()) {
                break;
            }
            if (!slots.take()) {
                break;
            }
            actions.add(new Action.Destroy(member.instance(), DestroyReason.ROLLING_UPDATE, member.self()));
            replaced++;
            liveAfter--;
            healthyAfter -= member.healthy() ? 1 : 0;
            drainedSelf |= member.self();
        }
        if (replaced > 0) {
            rollout = rollout.stepped(input.now(), drainedSelf);
        }
        return new RolloutStep(rollout, replaced, true);
    }
}
