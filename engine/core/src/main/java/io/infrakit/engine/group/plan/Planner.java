package io.infrakit.engine.group.plan;

import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.LogicalId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pure planner: from the desired spec, the observed members, the rollout so far and the time, it decides what
 * to do now. Cattle are kept at their size, pets at their logical IDs; a changed config rolls out in batches
 * within the disruption budget, gated on the new instances' health; a deadline breach fails the rollout or, with
 * AutoRollback, turns it around. No side effects, no clock reads: the same input always gives the same plan.
 */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(PlanInput input) {
        if (input.mode() == Mode.TEARDOWN) {
            return Teardown.plan(input);
        }
        Census census = Census.of(input);
        Budget budget = Budget.of(input.allocation(), input.updating());
        RolloutState tracked = RolloutTracker.track(input, census);
        boolean breachedNow = tracked.stage() != input.rollout().stage()
                && (tracked.stage() == RolloutStage.ROLLING_BACK || tracked.stage() == RolloutStage.FAILED);
        Slots slots = new Slots(input.maxParallel(), input.runningOperations());

        List<Action> actions = new ArrayList<>();
        List<Member> removed = input.allocation().isQuorum()
                ? removeStrays(census, slots, actions)
                : removeExtras(input, census, budget, tracked, slots, actions);

        RolloutStep step = RolloutStep.none(tracked);
        boolean advancing = tracked.stage().isActive() && input.mode() == Mode.RUN && !breachedNow;
        if (advancing) {
            step = RolloutStep.take(input, census, budget, tracked, removed, slots, actions);
        }
        int created = input.allocation().isQuorum()
                ? createMissingPets(input, census, step.rollout(), slots, actions)
                : createCattle(input, census, budget, advancing, removed, step, slots, actions);
        boolean blocked = advancing && step.gatePassed() && step.replaced() == 0 && created == 0
                && input.runningOperations() == 0 && input.provisions().isEmpty();
        Assessment assessment = Assessments.of(input, census, budget, step, actions, blocked);
        return new Plan(actions, step.rollout(), assessment);
    }

    private static List<Member> removeExtras(PlanInput input, Census census, Budget budget, RolloutState rollout,
                                             Slots slots, List<Action> actions) {
        int allowance = surgeAllowance(census, budget, rollout);
        // Provisions under way are not counted here: one that lands in the list while still counted as running
        // must never make a member look extra. They are counted when creating, so nothing is over-provisioned.
        int excess = census.liveCount() - budget.size() - allowance;
        List<Member> candidates = new ArrayList<>(census.fresh());
        candidates.addAll(census.stale());
        if (census.drainedSelf() != null) {
            candidates.add(census.drainedSelf());
        }
        candidates.sort(MemberOrder.removalOrder(rollout.targetHash()));
        List<Member> removed = new ArrayList<>();
        for (int i = 0; i < excess && i < candidates.size() && slots.take(); i++) {
            Member member = candidates.get(i);
            actions.add(new Action.Destroy(member.instance(), DestroyReason.TERMINATE, member.self()));
            removed.add(member);
        }
        return removed;
    }

    private static List<Member> removeStrays(Census census, Slots slots, List<Action> actions) {
        List<Member> removed = new ArrayList<>();
        for (Member stray : census.strays()) {
            if (slots.take()) {
                actions.add(new Action.Destroy(stray.instance(), DestroyReason.TERMINATE, stray.self()));
                removed.add(stray);
            }
        }
        return removed;
    }

    private static int createCattle(PlanInput input, Census census, Budget budget, boolean advancing,
                                    List<Member> removed, RolloutStep step, Slots slots, List<Action> actions) {
        int allowance = surgeAllowance(census, budget, step.rollout());
        int existing = census.observedCount() + input.provisions().size();
        int freshRemoved = (int) removed.stream().filter(census.fresh()::contains).count();
        int need;
        if (advancing) {
            need = budget.size() - (census.fresh().size() - freshRemoved + census.provisionsFresh());
        } else {
            int liveAfter = census.liveCount() - removed.size() - step.replaced();
            need = budget.size() - (liveAfter + input.provisions().size());
        }
        int room = budget.size() + allowance - existing;
        int count = Math.max(0, Math.min(need, room));
        int created = 0;
        for (int i = 0; i < count && slots.take(); i++) {
            actions.add(new Action.Provision(step.rollout().targetHash(), null, existing + i));
            created++;
        }
        return created;
    }

    private static int createMissingPets(PlanInput input, Census census, RolloutState rollout, Slots slots,
                                         List<Action> actions) {
        Set<LogicalId> taken = new HashSet<>(census.liveLogicalIds());
        input.members().stream().filter(m -> input.destroying().contains(m.id()) && m.logicalId() != null)
                .forEach(m -> taken.add(m.logicalId()));
        input.provisions().stream().filter(p -> p.logicalId() != null).forEach(p -> taken.add(p.logicalId()));
        List<LogicalId> ids = input.allocation().logicalIds();
        int created = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (!taken.contains(ids.get(i)) && slots.take()) {
                actions.add(new Action.Provision(rollout.targetHash(), ids.get(i), i));
                created++;
            }
        }
        return created;
    }

    /** A rollout under way may hold a few extra instances; a failed or finished one may not. */
    static int surgeAllowance(Census census, Budget budget, RolloutState rollout) {
        return census.staleExist() && rollout.stage().isActive() ? budget.surge() : 0;
    }

    /** At most maxParallel plugin operations at once, counting those still running. */
    static final class Slots {
        private int left;

        Slots(int maxParallel, int running) {
            this.left = maxParallel > 0 ? Math.max(0, maxParallel - running) : Integer.MAX_VALUE;
        }

        boolean take() {
            if (left <= 0) {
                return false;
            }
            left--;
            return true;
        }
    }

    /** Destroys every member, self last, with no health gates. */
    private static final class Teardown {
        static Plan plan(PlanInput input) {
            Slots slots = new Slots(input.maxParallel(), input.runningOperations());
            List<Action> actions = new ArrayList<>();
            List<Member> live = input.members().stream().filter(m -> !input.destroying().contains(m.id()))
                    .sorted(MemberOrder.BY_ID_SELF_LAST).toList();
            boolean othersGone = input.destroying().isEmpty() && input.provisions().isEmpty()
                    && live.stream().allMatch(Member::self);
            for (Member member : live) {
                if ((!member.self() || othersGone) && slots.take()) {
                    actions.add(new Action.Destroy(member.instance(), DestroyReason.TERMINATE, member.self()));
                }
            }
            int left = input.members().size() + input.provisions().size();
            Assessment assessment = new Assessment(GroupPhase.SCALING, 0, live.size(), 0,
                    (int) live.stream().filter(Member::healthy).count(), 0,
                    left == 0 ? "destroyed" : "destroying " + left + " instances", left == 0, false);
            return new Plan(actions, input.rollout(), assessment);
        }
    }

    static String waited(Duration waited, Duration deadline) {
        return WaitTimes.format(waited) + " of " + WaitTimes.format(deadline);
    }
}
