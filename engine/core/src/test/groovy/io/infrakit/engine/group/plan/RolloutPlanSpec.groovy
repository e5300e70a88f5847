package io.infrakit.engine.group.plan

import io.infrakit.engine.group.spec.Quantity
import io.infrakit.spi.flavor.Health
import spock.lang.Specification

import java.time.Duration

import static io.infrakit.engine.group.plan.PlanFixtures.*

/** Rolling updates in the pure planner: batches within the budget, the health gate, self, deadlines, rollback. */
class RolloutPlanSpec extends Specification {

    static List<Member> old(String... ids) {
        ids.collect { member(it, hash: 'old') }
    }

    def "MaxSurge #surge / MaxUnavailable #unavailable on 3 healthy old members: #expected"() {
        given:
        def rules = updating(maxSurge: surge, maxUnavailable: unavailable)

        expect:
        describe(Planner.plan(input(size: 3, members: old('a', 'b', 'c'), updating: rules)).actions()) == expected

        where:
        surge            | unavailable      || expected
        Quantity.of(1)   | Quantity.of(0)   || ['+']
        Quantity.of(0)   | Quantity.of(1)   || ['-a/rolling_update']
        Quantity.of(2)   | Quantity.of(0)   || ['+', '+']
        Quantity.of(1)   | Quantity.of(1)   || ['-a/rolling_update', '+']
        Quantity.percent(100) | Quantity.of(0) || ['+', '+', '+']
    }

    def "after the surge instance is healthy, one old member goes; nothing is created while it still exists"() {
        given:
        def group = old('a', 'b', 'c') + [member('n1')]

        expect:
        describe(Planner.plan(input(size: 3, members: group)).actions()) == ['-a/rolling_update']
        describe(Planner.plan(input(size: 3, members: group, destroying: ['a'], running: 1)).actions()) == []
        describe(Planner.plan(input(size: 3, members: old('b', 'c') + [member('n1')])).actions()) == ['+']
    }

    def "the rollout waits while a new member is not healthy, and says for whom and how long"() {
        given:
        def group = old('a', 'b', 'c') + [member('n1', health: Health.UNKNOWN, since: NOW - Duration.ofSeconds(130))]

        when:
        def plan = Planner.plan(input(size: 3, members: group))

        then:
        plan.actions().isEmpty()
        plan.rollout().stage() == RolloutStage.ROLLING_OUT
        plan.assessment().phase().toString() == 'RollingOut'
        plan.assessment().reason() == 'waiting for n1 to become healthy: 2m10s of 10m'
        !plan.assessment().converged()
    }

    def "old members' health is ignored by the gate, and unhealthy old members go first"() {
        given:
        def group = [member('a', hash: 'old', health: Health.HEALTHY), member('b', hash: 'old', health: Health.UNHEALTHY),
                     member('c', hash: 'old', health: Health.UNHEALTHY), member('n1')]

        expect:
        describe(Planner.plan(input(size: 3, members: group)).actions()) == ['-b/rolling_update']
    }

    def "a dead member uses up the disruption budget: the group heals before the rollout goes on"() {
        given:
        def rules = updating(maxSurge: Quantity.of(0), maxUnavailable: Quantity.of(1))

        expect:
        describe(Planner.plan(input(size: 4, members: old('a', 'b', 'c'), updating: rules)).actions()) == ['+']
    }

    def "the budget counts healthy members: with two unhealthy new members no healthy old one goes"() {
        given:
        def rules = updating(maxSurge: Quantity.of(2), maxUnavailable: Quantity.of(0))
        def group = old('a', 'b', 'c') + [member('n1', health: Health.UNHEALTHY), member('n2', health: Health.UNHEALTHY)]

        expect:
        Planner.plan(input(size: 3, members: group, updating: rules)).actions().isEmpty()
    }

    def "self is replaced last and only drained; then the rollout is complete"() {
        given:
        def group = [member('a', hash: 'old', self: true), member('n1'), member('n2')]

        when:
        def plan = Planner.plan(input(size: 3, members: group, updating: updating(maxSurge: Quantity.of(0),
                maxUnavailable: Quantity.of(1))))

        then:
        describe(plan.actions()) == ['-a/rolling_update']
        (plan.actions()[0] as Action.Destroy).self()
        plan.rollout().selfDrained()

        when:
        def after = Planner.plan(input(size: 3, members: group, rollout: plan.rollout()))

        then:
        after.actions().isEmpty()
        after.rollout().stage() == RolloutStage.COMPLETED
        after.assessment().converged()
    }

    def "scenario 38: replacement order is by ID with self last"() {
        given:
        def group = [member('c'), member('a', self: true), member('b')]

        expect:
        group.sort(false, MemberOrder.BY_ID_SELF_LAST)*.id()*.value() == ['b', 'c', 'a']
    }

    def "a new member not healthy within HealthyDeadline fails the rollout"() {
        given:
        def late = member('n1', health: Health.UNKNOWN, since: NOW - Duration.ofMinutes(11))
        def rollout = RolloutState.idle('new', null)

        when:
        def plan = Planner.plan(input(size: 3, members: old('a', 'b', 'c') + [late], rollout: rollout))

        then:
        plan.rollout().stage() == RolloutStage.FAILED
        describe(plan.actions()) == ['-n1/terminate']
        plan.assessment().phase().toString() == 'Failed'
        plan.assessment().reason() == 'rollout failed: n1 did not become healthy within 10m'

        when: 'the surge instance is gone'
        def after = Planner.plan(input(size: 3, members: old('a', 'b', 'c'), rollout: plan.rollout()))

        then: 'the group is back at its size, on the old config, and converged'
        after.actions().isEmpty()
        after.assessment().converged()
    }

    def "with AutoRollback the breach turns into a rollback to the proven config, without health gates"() {
        given:
        def late = member('n1', health: Health.UNHEALTHY, since: NOW - Duration.ofMinutes(11))
        def rules = updating(autoRollback: true)
        def group = old('a', 'b', 'c') + [late]

        when:
        def breach = Planner.plan(input(size: 3, members: group, updating: rules, fallback: 'old'))

        then:
        breach.rollout().stage() == RolloutStage.ROLLING_BACK
        breach.rollout().targetHash() == 'old'
        breach.actions().isEmpty()
        breach.assessment().phase().toString() == 'RollingBack'
        breach.assessment().reason() == 'rolling back to old: n1 did not become healthy within 10m'

        when:
        def back = Planner.plan(input(size: 3, members: group, updating: rules, rollout: breach.rollout()))

        then:
        describe(back.actions()) == ['-n1/rolling_update']

        when:
        def done = Planner.plan(input(size: 3, members: old('a', 'b', 'c'), updating: rules, rollout: back.rollout()))

        then:
        done.rollout().stage() == RolloutStage.ROLLED_BACK
        done.assessment().converged()
        done.assessment().phase().toString() == 'Converged'
        done.assessment().reason() == 'rolled back: rolling back to old: n1 did not become healthy within 10m'
    }

    def "a rollback that looked done while its last destroy ran goes on when that destroy failed"() {
        given: 'the broken n1 is being destroyed, so the rollback looks done'
        def reason = 'rolling back to old: n1 did not become healthy within 10m'
        def rules = updating(autoRollback: true)
        def late = member('n1', health: Health.UNHEALTHY, since: NOW - Duration.ofMinutes(11))
        def group = old('a', 'b', 'c') + [late]
        def looksDone = Planner.plan(input(size: 3, members: group, destroying: ['n1'], updating: rules,
                rollout: RolloutState.rollingBackTo('old', NOW, reason)))

        when: 'the destroy failed: n1 is listed again'
        def again = Planner.plan(input(size: 3, members: group, updating: rules, rollout: looksDone.rollout()))
        def next = Planner.plan(input(size: 3, members: group, updating: rules, rollout: again.rollout()))

        then: 'the rollback is on again, and replaces n1 at the next reconcile'
        looksDone.rollout().stage() == RolloutStage.ROLLED_BACK
        again.rollout().stage() == RolloutStage.ROLLING_BACK
        again.assessment().reason() == reason
        describe(next.actions()) == ['-n1/rolling_update']

        when:
        def done = Planner.plan(input(size: 3, members: old('a', 'b', 'c'), updating: rules, rollout: next.rollout()))

        then:
        done.assessment().converged()
        done.assessment().reason() == 'rolled back: ' + reason
    }

    def "ProgressDeadline fails a rollout that does not move"() {
        given:
        def rules = updating(progressDeadline: Duration.ofMinutes(5), healthyDeadline: Duration.ofHours(1))
        def waiting = old('a', 'b', 'c') + [member('n1', health: Health.UNKNOWN)]
        def started = Planner.plan(input(size: 3, members: waiting, updating: rules)).rollout()

        expect:
        Planner.plan(input(size: 3, members: waiting, updating: rules, rollout: started,
                now: NOW + Duration.ofMinutes(4))).rollout().stage() == RolloutStage.ROLLING_OUT
        Planner.plan(input(size: 3, members: waiting, updating: rules, rollout: started,
                now: NOW + Duration.ofMinutes(6))).rollout().reason() == 'no progress for 5m'
    }

    def "a paused rollout neither surges nor replaces, but the group still heals"() {
        expect:
        Planner.plan(input(size: 3, members: old('a', 'b', 'c'), mode: Mode.PAUSED)).actions().isEmpty()
        describe(Planner.plan(input(size: 3, members: old('a', 'b'), mode: Mode.PAUSED)).actions()) == ['+']
        Planner.plan(input(size: 3, members: old('a', 'b', 'c'), mode: Mode.PAUSED)).assessment().phase().toString() == 'Paused'
    }

    def "Count threshold: the gate needs 2 healthy polls in a row; health remembered between polls does not count"() {
        given:
        def rules = updating(count: 2)
        def group = old('a', 'b', 'c') + [member('n1')]
        def first = Planner.plan(input(size: 3, members: group, updating: rules))

        expect:
        first.actions().isEmpty()
        Planner.plan(input(size: 3, members: group, updating: rules, rollout: first.rollout(), freshHealth: false,
                now: NOW + Duration.ofSeconds(1))).actions().isEmpty()
        describe(Planner.plan(input(size: 3, members: group, updating: rules, rollout: first.rollout(),
                now: NOW + POLL)).actions()) == ['-a/rolling_update']
    }

    def "growing and rolling: new instances within the surge first, then old ones go in batches"() {
        expect:
        describe(Planner.plan(input(size: 8, members: old('a', 'b', 'c'))).actions()) == ['+'] * 6
    }

    def "shrinking and rolling: stale extras go first as terminations"() {
        expect:
        describe(Planner.plan(input(size: 1, members: old('a', 'b', 'c'))).actions()) ==
                ['-a/terminate', '-b/rolling_update']
    }
}
