package io.infrakit.engine.group.plan

import spock.lang.Specification

import static io.infrakit.engine.group.plan.PlanFixtures.*

/** The quorum (pets) rules: InfraKit scenario 32 (docs/scenarios.md), and duplicates. */
class QuorumPlanSpec extends Specification {

    static final List<String> IDS = ['one', 'two', 'three']

    def "scenario 32: pets #present plan #expected"() {
        given:
        def group = present.collect { String id -> member('i-' + id, logicalId: id) }

        expect:
        describe(Planner.plan(input(logicalIds: IDS, members: group)).actions()) == expected

        where:
        present                          || expected
        ['one', 'two', 'three']          || []
        ['one', 'two']                   || ['+three']
        ['one', 'two', 'three', 'four']  || ['-i-four/terminate']
        []                               || ['+one', '+two', '+three']
    }

    def "members without a logical ID are ignored"() {
        given:
        def group = IDS.collect { member('i-' + it, logicalId: it) } + [member('stray')]

        expect:
        Planner.plan(input(logicalIds: IDS, members: group)).actions().isEmpty()
    }

    def "a logical ID held by two members keeps the better one"() {
        given:
        def group = [member('i-1', logicalId: 'one', hash: 'old'), member('i-2', logicalId: 'one'),
                     member('i-3', logicalId: 'two'), member('i-4', logicalId: 'three')]

        expect:
        describe(Planner.plan(input(logicalIds: IDS, members: group)).actions()) == ['-i-1/terminate']
    }

    def "a logical ID being destroyed or provisioned is not provisioned again"() {
        given:
        def group = [member('i-1', logicalId: 'one'), member('i-2', logicalId: 'two')]

        expect:
        Planner.plan(input(logicalIds: IDS, members: group + [member('i-3', logicalId: 'three')],
                destroying: ['i-3'], running: 1)).actions().isEmpty()
        Planner.plan(input(logicalIds: IDS, members: group,
                provisions: [new PendingProvision('new', io.infrakit.spi.instance.LogicalId.of('three'))])).actions().isEmpty()
    }

    def "pets roll one at a time, never below a quorum"() {
        given:
        def group = IDS.collect { member('i-' + it, logicalId: it, hash: 'old') }

        expect:
        describe(Planner.plan(input(logicalIds: IDS, members: group)).actions()) == ['-i-one/rolling_update']
        describe(Planner.plan(input(logicalIds: IDS, members: group.tail(), running: 1, destroying: [])).actions()) ==
                ['+one']
    }
}
