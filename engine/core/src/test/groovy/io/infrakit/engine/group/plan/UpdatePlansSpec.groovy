package io.infrakit.engine.group.plan

import io.infrakit.engine.group.spec.AllocationSpec
import io.infrakit.spi.InvalidSpecException
import io.infrakit.spi.instance.LogicalId
import spock.lang.Specification

/** InfraKit scenarios 31 and 33 (docs/scenarios.md): the plan texts, verbatim. */
class UpdatePlansSpec extends Specification {

    static AllocationSpec size(int n) {
        new AllocationSpec(n, [], 0)
    }

    static AllocationSpec pets(String... ids) {
        new AllocationSpec(0, ids.collect { LogicalId.of(it) }, 0)
    }

    def "scenario 31: size #from -> #to with #desired desired and #undesired undesired: #text"() {
        expect:
        UpdatePlans.explain(size(from), size(to), desired, undesired) == text

        where:
        from | to | desired | undesired || text
        1    | 1  | 1       | 0         || 'Noop'
        1    | 1  | 0       | 1         || 'Performing a rolling update on 1 instances'
        3    | 3  | 0       | 3         || 'Performing a rolling update on 3 instances'
        2    | 1  | 2       | 0         || 'Terminating 1 instances to reduce the group size to 1'
        2    | 1  | 0       | 2         || 'Terminating 1 instances to reduce the group size to 1, then performing a rolling update on 1 instances'
        3    | 1  | 3       | 0         || 'Terminating 2 instances to reduce the group size to 1'
        1    | 2  | 1       | 0         || 'Adding 1 instances to increase the group size to 2'
        3    | 8  | 3       | 0         || 'Adding 5 instances to increase the group size to 8'
        1    | 2  | 0       | 1         || 'Performing a rolling update on 1 instances, then adding 1 instances to increase the group size to 2'
        3    | 8  | 0       | 3         || 'Performing a rolling update on 3 instances, then adding 5 instances to increase the group size to 8'
    }

    def "a new group: Managing N instances"() {
        expect:
        UpdatePlans.newGroup(size(3)) == 'Managing 3 instances'
        UpdatePlans.newGroup(pets('a', 'b')) == 'Managing 2 instances'
    }

    def "scenario 33: quorum plans"() {
        expect:
        UpdatePlans.explain(pets('a', 'b'), pets('a', 'b'), 2, 0) == 'Noop'
        UpdatePlans.explain(pets('a', 'b'), pets('a', 'b'), 1, 1) == 'Performing a rolling update on 1 instances'
    }

    def "scenario 33: changing the logical IDs is refused with InfraKit's message"() {
        when:
        UpdatePlans.explain(pets('a', 'b'), changed, 2, 0)

        then:
        def e = thrown(InvalidSpecException)
        e.message == 'Logical ID changes to a quorum is not currently supported'

        where:
        changed << [pets('a', 'c'), pets('b', 'a'), pets('a'), size(2)]
    }
}
