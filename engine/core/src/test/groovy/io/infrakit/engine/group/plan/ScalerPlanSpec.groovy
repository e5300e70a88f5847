package io.infrakit.engine.group.plan

import io.infrakit.spi.flavor.Health
import spock.lang.Specification

import static io.infrakit.engine.group.plan.PlanFixtures.*

/** The scaler (cattle) rules of the pure planner: InfraKit scenarios 26-28 (docs/scenarios.md), and ours on top. */
class ScalerPlanSpec extends Specification {

    def "scenario 26: size #size with members #ids plans #expected"() {
        expect:
        describe(Planner.plan(input(size: size, members: members(ids as String[]))).actions()) == expected

        where:
        size | ids             || expected
        3    | ['a', 'b', 'c'] || []
        3    | ['a', 'b']      || ['+']
        3    | []              || ['+', '+', '+']
        0    | []              || []
    }

    def "scenario 27: size 2 with [c, a, d, b] destroys the lowest IDs a and b with terminate"() {
        expect:
        describe(Planner.plan(input(size: 2, members: members('c', 'a', 'd', 'b'))).actions()) ==
                ['-a/terminate', '-b/terminate']
    }

    def "scenario 28: with MaxParallel 1 the same shrink goes one destroy at a time"() {
        expect:
        describe(Planner.plan(input(size: 2, members: members('c', 'a', 'd', 'b'), maxParallel: 1)).actions()) ==
                ['-a/terminate']
        describe(Planner.plan(input(size: 2, members: members('c', 'a', 'd', 'b'), maxParallel: 1, running: 1,
                destroying: ['a'])).actions()) == []
        describe(Planner.plan(input(size: 2, members: members('c', 'd', 'b'), maxParallel: 1)).actions()) ==
                ['-b/terminate']
    }

    def "scale-down picks the unhealthy first, then the lowest IDs"() {
        given:
        def group = [member('a'), member('b', health: Health.UNHEALTHY), member('c'), member('d', health: Health.UNKNOWN)]

        expect:
        describe(Planner.plan(input(size: 2, members: group)).actions()) == ['-b/terminate', '-d/terminate']
    }

    def "provisions under way count toward the size (#provisions running or not listed yet)"() {
        expect:
        describe(Planner.plan(input(size: 3, members: members('a'),
                provisions: (1..provisions).collect { new PendingProvision('new', null) })).actions()) == expected

        where:
        provisions || expected
        1          || ['+']
        2          || []
    }

    def "a member being destroyed is not counted and not picked again"() {
        expect:
        describe(Planner.plan(input(size: 2, members: members('a', 'b', 'c'), destroying: ['a'], running: 1)).actions()) == []
    }

    def "a converged group says so"() {
        when:
        def plan = Planner.plan(input(size: 2, members: members('a', 'b')))

        then:
        plan.assessment().converged()
        plan.assessment().phase().toString() == 'Converged'
        plan.assessment().onTargetAndHealthy()
    }

    def "a group short of instances is Scaling"() {
        when:
        def plan = Planner.plan(input(size: 3, members: members('a')))

        then:
        !plan.assessment().converged()
        plan.assessment().phase().toString() == 'Scaling'
        plan.assessment().reason() == '1 of 3 instances'
    }

    def "teardown destroys every member, self last and only once the others are gone"() {
        given:
        def group = [member('b', self: true), member('a'), member('c')]

        expect:
        describe(Planner.plan(input(size: 3, members: group, mode: Mode.TEARDOWN)).actions()) ==
                ['-a/terminate', '-c/terminate']
        describe(Planner.plan(input(size: 3, members: [member('b', self: true)], mode: Mode.TEARDOWN)).actions()) ==
                ['-b/terminate']
        Planner.plan(input(size: 3, members: [], mode: Mode.TEARDOWN)).assessment().converged()
    }
}
