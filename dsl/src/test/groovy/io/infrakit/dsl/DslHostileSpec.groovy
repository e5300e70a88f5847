package io.infrakit.dsl

import io.infrakit.spi.InvalidSpecException
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration

/**
 * Playbook scripts that try to exhaust time, memory or the stack, or to run code outside the sandbox's thread
 * (docs/security.md). Each fails with one line that names the limit it hit and, where known, the script line; each
 * is an {@link InvalidSpecException} (exit 3); and no thread of the script is left running afterwards.
 */
class DslHostileSpec extends Specification {

    static final long MIB = 1024L * 1024

    def setupSpec() {
        // Groovy's first compile in a JVM takes seconds, which count against the time limit of the run doing it.
        new PlaybookDsl(SandboxLimits.defaults()).load('playbook.groovy', "command('up') { }")
    }

    /** Loads the script and plans its commands; returns the failure and how long it took. */
    static Map failure(SandboxLimits limits, String script) {
        def dsl = new PlaybookDsl(limits)
        long start = System.nanoTime()
        try {
            def playbook = dsl.load('playbook.groovy', script)
            playbook.commands().each { playbook.plan(it.name(), [:]) }
        } catch (DslException e) {
            return [error: e, elapsed: Duration.ofNanos(System.nanoTime() - start)]
        }
        throw new AssertionError('the script ran without an error: ' + script)
    }

    static Set<Thread> aliveThreads() {
        Thread.getAllStackTraces().keySet().findAll { it.alive } as Set
    }

    static void noneLeftBesides(Set<Thread> before) {
        new PollingConditions(timeout: 10).eventually {
            assert (aliveThreads() - before).findAll { !it.name.startsWith('process reaper') }.empty
        }
    }

    def "the issue's reproduction: a bare endless loop, at the default limits, is a time-out at its line"() {
        given:
        def before = aliveThreads()

        when:
        def run = failure(SandboxLimits.defaults(), "command('up') {\n    while (true) { }\n}\n")

        then:
        run.error instanceof InvalidSpecException
        run.error.message == 'playbook.groovy:2: timed out after 10s (time limit)'
        run.elapsed < Duration.ofSeconds(13)
        noneLeftBesides(before)
    }

    def "a loop that keeps nothing runs to the time limit, however much it allocates: #script"() {
        given: 'the default memory limit'
        def before = aliveThreads()

        when:
        def run = failure(new SandboxLimits(Duration.ofSeconds(3), SandboxLimits.defaults().memoryBytes()), script)

        then:
        run.error instanceof InvalidSpecException
        run.error.message == "playbook.groovy:${line}: timed out after 3s (time limit)"
        run.elapsed < Duration.ofSeconds(6)
        noneLeftBesides(before)

        where:
        script                                                                          || line
        "command('up') {\n    def i = 0\n    while (true) { i++ }\n}"                   || 3
        "command('up') {\n    while (true) { def s = 'x' * 1_000_000 }\n}"              || 2
        "command('up') {\n    def m = [:]\n    while (true) { m.clear(); m.k = [1, 2] }\n}" || 3
        "command('up') {\n    while (true) { try { while (true) { } } finally { } }\n}" || 2
        "command('up') {\n    while (true) { try { 1.upto(1e9 as long) { } } catch (e) { } }\n}" || 2
    }

    def "deep recursion is one line: #script"() {
        given:
        def before = aliveThreads()

        when:
        def run = failure(SandboxLimits.defaults(), script)

        then:
        run.error instanceof InvalidSpecException
        run.error.message ==~ message
        run.elapsed < Duration.ofSeconds(12)
        noneLeftBesides(before)

        where:
        script                                                              || message
        "def f(n) { f(n + 1) }\ncommand('up') { f(0) }"                     || /playbook\.groovy:1: stopped: stack overflow \(recursion too deep\)/
        "def f(n) { g(n) }\ndef g(n) { f(n) }\ncommand('up') { f(0) }"      || /playbook\.groovy:[12]: stopped: stack overflow \(recursion too deep\)/
        "command('up') {\n    def f\n    f = { f() }\n    f()\n}"           || /playbook\.groovy:3: stopped: stack overflow \(recursion too deep\)/
        "def f() { try { f() } catch (e) { f() } }\ncommand('up') { f() }"  || /playbook\.groovy:1: stopped: stack overflow \(recursion too deep\)/
        "command('up') {\n    def l = []\n    100_000.times { l = [l] }\n    echo l.toString()\n}" || /playbook\.groovy(:4)?: stopped: stack overflow \(recursion too deep\)/
    }

    def "a script that keeps what it builds is stopped at the memory limit, reported as memory: #script"() {
        given: 'a small memory limit, and time enough to reach it on a slow machine'
        def before = aliveThreads()

        when:
        def run = failure(new SandboxLimits(Duration.ofSeconds(60), 64 * MIB), script)

        then:
        run.error instanceof InvalidSpecException
        run.error.message == "playbook.groovy:${line}: stopped: keeps more than 64 MiB (memory limit)"
        noneLeftBesides(before)

        where:
        script                                                                      || line
        "command('up') {\n    def l = []\n    while (true) { l << 'x' * 100_000 }\n}" || 3
        "command('up') {\n    def s = 'x'\n    40.times { s += s }\n}"                || 3
        "command('up') {\n    def l = [1]\n    40.times { l = l + l }\n}"             || 3
        "command('up') {\n    def m = [:]\n    def i = 0\n    while (true) { m[i] = i++ }\n}" || 4
    }

    def "at the default limits, memory is reported as memory too"() {
        when:
        def run = failure(SandboxLimits.defaults(), "command('up') {\n    def l = []\n    while (true) { l << 'x' * 100_000 }\n}")

        then:
        run.error.message == 'playbook.groovy:3: stopped: keeps more than 256 MiB (memory limit)'
    }

    def "sleeping, waiting and starting threads are refused: #script"() {
        given:
        def before = aliveThreads()

        when:
        def run = failure(SandboxLimits.defaults(), script)

        then:
        run.error instanceof InvalidSpecException
        run.error.message == message
        run.elapsed < Duration.ofSeconds(5)
        noneLeftBesides(before)

        where:
        script                                                                    || message
        "command('up') { sleep(60_000) }"                                         || "playbook.groovy:1: 'sleep' is not allowed"
        "command('up') { Thread.sleep(60_000) }"                                  || "playbook.groovy:1: 'sleep' is not allowed"
        "command('up') { Thread.start { while (true) { } } }"                     || 'playbook.groovy:1: class java.lang.Thread is not allowed'
        "command('up') { new Thread({ while (true) { } }).start() }"              || 'playbook.groovy:1: class java.lang.Thread is not allowed'
        "command('up') { [1, 2].parallelStream().forEach { while (true) { } } }"  || 'playbook.groovy:1: using java.util.stream.ReferencePipeline$Head is not allowed in a playbook'
        "command('up') { synchronized (this) { wait() } }"                        || 'playbook.groovy:1: synchronized blocks are not allowed'
        "command('up') { 'x'.wait(60_000) }"                                      || 'playbook.groovy:1: current thread is not owner'
        "command('up') { java.util.concurrent.CompletableFuture.runAsync { } }"   || 'playbook.groovy:1: class java.util.concurrent.CompletableFuture is not allowed'
        "command('up') { new Timer().schedule({ } as TimerTask, 0) }"             || 'playbook.groovy:1: class java.util.Timer is not allowed'
    }
}
