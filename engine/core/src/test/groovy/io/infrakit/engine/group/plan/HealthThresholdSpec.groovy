package io.infrakit.engine.group.plan

import spock.lang.Specification

import java.time.Duration

import static io.infrakit.engine.group.plan.PlanFixtures.*

/** InfraKit scenario 37 (docs/scenarios.md): the quiesce threshold. */
class HealthThresholdSpec extends Specification {

    def "n = 0 passes without touching the counters"() {
        when:
        def check = HealthThreshold.RESET.check(0, 0, updating(count: 3), true, NOW)

        then:
        check.passed()
        check.next().is(HealthThreshold.RESET)
    }

    def "with neither Count nor Duration the first satisfied poll passes"() {
        expect:
        HealthThreshold.RESET.check(2, 2, updating(), true, NOW).passed()
        !HealthThreshold.RESET.check(2, 1, updating(), true, NOW).passed()
    }

    def "Count 3: false, false, true on consecutive polls"() {
        given:
        def rules = updating(count: 3)
        def one = HealthThreshold.RESET.check(1, 1, rules, true, NOW)
        def two = one.next().check(1, 1, rules, true, NOW + POLL)
        def three = two.next().check(1, 1, rules, true, NOW + POLL.multipliedBy(2))

        expect:
        [one.passed(), two.passed(), three.passed()] == [false, false, true]
    }

    def "Count: an unsatisfied poll starts the count again"() {
        given:
        def rules = updating(count: 2)
        def one = HealthThreshold.RESET.check(1, 1, rules, true, NOW)
        def miss = one.next().check(1, 0, rules, true, NOW + POLL)
        def again = miss.next().check(1, 1, rules, true, NOW + POLL.multipliedBy(2))

        expect:
        !miss.passed()
        miss.next() == HealthThreshold.RESET
        !again.passed()
        again.next().check(1, 1, rules, true, NOW + POLL.multipliedBy(3)).passed()
    }

    def "remembered health neither counts nor resets; it passes a threshold already met"() {
        given:
        def rules = updating(count: 2)
        def one = HealthThreshold.RESET.check(1, 1, rules, true, NOW)
        def between = one.next().check(1, 0, rules, false, NOW + Duration.ofSeconds(1))
        def met = one.next().check(1, 1, rules, true, NOW + POLL)

        expect:
        !between.passed()
        between.next().is(one.next())
        !one.next().check(1, 1, rules, false, NOW + Duration.ofSeconds(2)).passed()
        met.passed()
        met.next().check(1, 1, rules, false, NOW + POLL + Duration.ofSeconds(1)).passed()
        !met.next().check(1, 0, rules, false, NOW + POLL + Duration.ofSeconds(1)).passed()
    }

    def "Duration 3s: the first satisfied poll sets the time; #age later passes: #passes"() {
        given:
        def rules = updating(duration: Duration.ofSeconds(3))
        def first = HealthThreshold.RESET.check(1, 1, rules, true, NOW)

        expect:
        !first.passed()
        first.next().satisfiedSince() == NOW
        first.next().check(1, 1, rules, true, NOW + age).passed() == passes

        where:
        age                   || passes
        Duration.ofSeconds(2) || false
        Duration.ofSeconds(3) || true
    }
}
