package io.infrakit.engine.group.plan

import spock.lang.Specification

import java.time.Duration

import static io.infrakit.engine.group.plan.PlanFixtures.*

/** InfraKit scenario 37: the quiesce threshold. */
class HealthThresholdSpec extends Specification {

    def "n = 0 passes without touching the counters"() {
        when:
        def check = HealthThreshold.RESET.check(0, 0, updating(count: 3), POLL, NOW)

        then:
        check.passed()
        check.next().is(HealthThreshold.RESET)
    }

    def "with neither Count nor Duration the first satisfied poll passes"() {
        expect:
        HealthThreshold.RESET.check(2, 2, updating(), POLL, NOW).passed()
        !HealthThreshold.RESET.check(2, 1, updating(), POLL, NOW).passed()
    }

    def "Count 3: false, false, true on consecutive polls"() {
        given:
        def rules = updating(count: 3)
        def one = HealthThreshold.RESET.check(1, 1, rules, POLL, NOW)
        def two = one.next().check(1, 1, rules, POLL, NOW + POLL)
        def three = two.next().check(1, 1, rules, POLL, NOW + POLL.multipliedBy(2))

        expect:
        [one.passed(), two.passed(), three.passed()] == [false, false, true]
    }

    def "Count: an unsatisfied poll starts the count again"() {
        given:
        def rules = updating(count: 2)
        def one = HealthThreshold.RESET.check(1, 1, rules, POLL, NOW)
        def miss = one.next().check(1, 0, rules, POLL, NOW + POLL)
        def again = miss.next().check(1, 1, rules, POLL, NOW + POLL.multipliedBy(2))

        expect:
        !miss.passed()
        miss.next() == HealthThreshold.RESET
        !again.passed()
        again.next().check(1, 1, rules, POLL, NOW + POLL.multipliedBy(3)).passed()
    }

    def "Duration 3s: the first satisfied poll sets the time; #age later passes: #passes"() {
        given:
        def rules = updating(duration: Duration.ofSeconds(3))
        def first = HealthThreshold.RESET.check(1, 1, rules, POLL, NOW)

        expect:
        !first.passed()
        first.next().satisfiedSince() == NOW
        first.next().check(1, 1, rules, POLL, NOW + age).passed() == passes

        where:
        age                   || passes
        Duration.ofSeconds(2) || false
        Duration.ofSeconds(3) || true
    }
}
