package io.infrakit.dsl

import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration

/**
 * Hostile scripts: each fails with a one-line DslException, at compile time where possible, always within the time
 * limit plus two seconds, and the JVM stays usable afterwards.
 */
class SandboxSpec extends Specification {

    @Shared
    SandboxLimits limits = SandboxLimits.defaults()

    @Shared
    PlaybookDsl dsl = new PlaybookDsl(limits)

    /** Loads the script and plans each of its commands; returns the first failure. */
    DslException failure(PlaybookDsl sandbox, String script) {
        try {
            def playbook = sandbox.load('playbook.groovy', script)
            playbook.commands().each { playbook.plan(it.name(), [:]) }
        } catch (DslException e) {
            return e
        }
        throw new AssertionError('the script ran without an error: ' + script)
    }

    def "rejected when compiled: #script"() {
        when:
        long start = System.nanoTime()
        def e = failure(dsl, script)
        def elapsed = Duration.ofNanos(System.nanoTime() - start)

        then:
        e.message == message
        elapsed < limits.timeout() + Duration.ofSeconds(2)

        where:
        script                                                           || message
        'System.exit(1)'                                                 || "playbook.groovy:1: 'exit' is not allowed"
        "Runtime.getRuntime().exec('id')"                                || "playbook.groovy:1: 'exec' is not allowed"
        "'id'.execute()"                                                 || "playbook.groovy:1: 'execute' is not allowed"
        "['sh','-c','id'].execute()"                                     || "playbook.groovy:1: 'execute' is not allowed"
        "new File('/etc/passwd').text"                                   || 'playbook.groovy:1: class java.io.File is not allowed'
        "new ProcessBuilder('id').start()"                               || 'playbook.groovy:1: class java.lang.ProcessBuilder is not allowed'
        "'x'.class.forName('java.lang.Runtime')"                         || "playbook.groovy:1: 'forName' is not allowed"
        'this.class.classLoader'                                         || "playbook.groovy:1: 'classLoader' is not allowed"
        "Class.forName('java.lang.Runtime')"                             || "playbook.groovy:1: 'forName' is not allowed"
        "Class.name"                                                     || 'playbook.groovy:1: class java.lang.Class is not allowed'
        "'x'.getClass()"                                                 || "playbook.groovy:1: 'getClass' is not allowed"
        'this.metaClass'                                                 || "playbook.groovy:1: 'metaClass' is not allowed"
        "evaluate('1+1')"                                                || "playbook.groovy:1: 'evaluate' is not allowed"
        'def m = \'java.lang.System\'; this."$m"'                        || 'playbook.groovy:1: dynamic property names are not allowed'
        'def m = \'exit\'; this."$m"(1)'                                 || 'playbook.groovy:1: dynamic method names are not allowed'
        'String.metaClass.foo = {}'                                      || "playbook.groovy:1: 'metaClass' is not allowed"
        "// a playbook\n\n@Grab('x:y:1') import z"                       || 'playbook.groovy:3: annotations are not allowed (@Grab)'
        "@GrabConfig(systemClassLoader=true)\nimport java.io.File"       || 'playbook.groovy:1: annotations are not allowed (@GrabConfig)'
        "command('x') {}\n@ASTTest(value={ System.exit(1) })\ndef x = 1" || 'playbook.groovy:2: annotations are not allowed (@ASTTest)'
        '@groovy.transform.Field def x = 1'                              || 'playbook.groovy:1: annotations are not allowed (@Field)'
        '@groovy.transform.CompileStatic\ndef f() { 1 }'                 || 'playbook.groovy:1: annotations are not allowed (@CompileStatic)'
        'def f(@Deprecated x) { x }'                                     || 'playbook.groovy:1: annotations are not allowed (@Deprecated)'
        'import java.io.File'                                            || 'playbook.groovy:1: imports are not allowed (java.io.File)'
        'import static java.lang.System.exit'                            || 'playbook.groovy:1: imports are not allowed (static java.lang.System.exit)'
        "Eval.me('1')"                                                   || 'playbook.groovy:1: class groovy.util.Eval is not allowed'
        "new URL('http://x').text"                                       || 'playbook.groovy:1: class java.net.URL is not allowed'
        "'http://x'.toURL().text"                                        || "playbook.groovy:1: 'toURL' is not allowed"
        'Thread.start {}'                                                || 'playbook.groovy:1: class java.lang.Thread is not allowed'
        'sleep(100000)'                                                  || "playbook.groovy:1: 'sleep' is not allowed"
        'System.getenv()'                                                || "playbook.groovy:1: 'getenv' is not allowed"
        "java.lang.System.getProperty('user.home')"                      || "playbook.groovy:1: 'getProperty' is not allowed"
        "Integer.getInteger('x')"                                        || "playbook.groovy:1: 'getInteger' is not allowed"
        "String.getResource('/x')"                                       || "playbook.groovy:1: 'getResource' is not allowed"
        "File f = ['/etc/passwd']"                                       || 'playbook.groovy:1: class java.io.File is not allowed'
        "def f = ['/etc/passwd'] as File"                                || 'playbook.groovy:1: class java.io.File is not allowed'
        "def f = (File) ['/etc/passwd']"                                 || 'playbook.groovy:1: class java.io.File is not allowed'
        "File f() { ['/etc/passwd'] }"                                   || 'playbook.groovy:1: class java.io.File is not allowed'
        'def f(File x) { x }'                                            || 'playbook.groovy:1: class java.io.File is not allowed'
        'def f(x = System.exit(1)) { x }'                                || "playbook.groovy:1: 'exit' is not allowed"
        "def c = { File x -> x }"                                        || 'playbook.groovy:1: class java.io.File is not allowed'
        "for (File f in [['/etc/passwd']]) { }"                          || 'playbook.groovy:1: class java.io.File is not allowed'
        'try { } catch (Throwable t) { }'                                || 'playbook.groovy:1: class java.lang.Throwable is not allowed'
        "'x' instanceof File"                                            || 'playbook.groovy:1: class java.io.File is not allowed'
        'synchronized (this) { }'                                        || 'playbook.groovy:1: synchronized blocks are not allowed'
        'synchronized def f() { wait() }'                                || 'playbook.groovy:1: synchronized methods are not allowed'
        "[:].asType(String)"                                             || "playbook.groovy:1: 'asType' is not allowed"
        "def p = 'x'.&toUpperCase"                                       || 'playbook.groovy:1: method pointers (.& and ::) are not allowed'
        'def p = String::valueOf'                                        || 'playbook.groovy:1: method pointers (.& and ::) are not allowed'
        'this.@binding'                                                  || 'playbook.groovy:1: direct field access (.@) is not allowed'
        'new int[10]'                                                    || 'playbook.groovy:1: creating arrays is not allowed; use a list'
        'new Object() { }'                                               || 'playbook.groovy:1: anonymous classes are not allowed'
        'class Foo { }'                                                  || 'playbook.groovy:1: class definitions are not allowed (Foo)'
        'enum E { A }'                                                   || 'playbook.groovy:1: class definitions are not allowed (E)'
        "package foo\ncommand('a') { }"                                  || 'playbook.groovy:1: package declarations are not allowed'
        'binding'                                                        || "playbook.groovy:1: 'binding' is not allowed"
        'this.binding.variables'                                         || "playbook.groovy:1: 'binding' is not allowed"
        'super.toString()'                                               || "playbook.groovy:1: 'super' is not allowed"
        "5.println('to stdout')"                                         || "playbook.groovy:1: 'println' on an object is not allowed; use echo"
        '"${1.class}"'                                                   || "playbook.groovy:1: 'class' is not allowed"
        '[1]*.class'                                                     || "playbook.groovy:1: 'class' is not allowed"
        "[1]['class']"                                                   || "playbook.groovy:1: 'class' is not allowed"
        "[1].getAt('class')"                                             || "playbook.groovy:1: 'getAt' is not allowed"
        "this.getProperty('binding')"                                    || "playbook.groovy:1: 'getProperty' is not allowed"
        "this.invokeMethod('evaluate', '1')"                             || "playbook.groovy:1: 'invokeMethod' is not allowed"
        "''.respondsTo('execute')"                                       || "playbook.groovy:1: 'respondsTo' is not allowed"
        'Closure.IDENTITY.delegate = 1'                                  || "playbook.groovy:1: 'delegate' is not allowed"
        "use(String) { }"                                                || "playbook.groovy:1: 'use' is not allowed"
        'def x = 1; x.addShutdownHook { }'                               || "playbook.groovy:1: 'addShutdownHook' is not allowed"
        "def s = 'x'; s.m *= 1_000_000_000"                              || "playbook.groovy:1: '*=' can only assign to a variable; write x = x * y"
        'def n = 1e999999999'                                            || 'playbook.groovy:1: number literal out of range'
        'def methodMissing(String n, args) { }'                          || "playbook.groovy:1: a method named 'methodMissing' cannot be defined in a playbook"
        'def getProperty(String n) { }'                                  || "playbook.groovy:1: a method named 'getProperty' cannot be defined in a playbook"
        'def run() { }'                                                  || "playbook.groovy:1: a method named 'run' cannot be defined in a playbook"
        'x' * (1024 * 1024 + 1)                                          || 'playbook.groovy: script too large (1048577 characters; limit 1048576)'
    }

    def "stopped when run: #script"() {
        when:
        long start = System.nanoTime()
        def e = failure(dsl, script)
        def elapsed = Duration.ofNanos(System.nanoTime() - start)

        then:
        e.message.startsWith(messageStart)
        !e.message.contains('\n')
        elapsed < limits.timeout() + Duration.ofSeconds(2)

        where:
        script                                                               || messageStart
        'def f() { f() }; f()'                                               || 'playbook.groovy:1: stopped: stack overflow (recursion too deep)'
        'def f() { try { f() } catch (e) { f() } }; f()'                     || 'playbook.groovy:1: stopped: stack overflow (recursion too deep)'
        "'x' * 1_000_000_000"                                                || 'playbook.groovy:1: string too large (1000000000 characters; limit 16777216)'
        "def s = 'x'; s *= 1_000_000_000"                                    || 'playbook.groovy:1: string too large (1000000000 characters; limit 16777216)'
        "command('a') { [0] * 1_000_000_000 }"                               || 'playbook.groovy:1: list too large (1000000000 elements; limit 1048576)'
        "command('a') { (1..100_000_000).collect { it } }"                   || 'playbook.groovy:1: list too large (100000000 elements; limit 1048576)'
        "command('a') { [*1..100_000_000] }"                                 || 'playbook.groovy:1: list too large (100000000 elements; limit 1048576)'
        "command('a') { (Duration.ZERO..Duration.ofDays(1)).toList() }"                         || 'playbook.groovy:1: a range must go between numbers or single characters'
        "command('a') { 'abc'.padLeft(1_000_000_000) }"                      || 'playbook.groovy:1: string too large (1000000000 characters; limit 16777216)'
        "command('a') { 'abc'.repeat(1_000_000_000) }"                       || 'playbook.groovy:1: string too large (3000000000 characters; limit 16777216)'
        "command('a') { 'abc'.center(1_000_000_000) }"                       || 'playbook.groovy:1: string too large (1000000000 characters; limit 16777216)'
        "command('a') { '\\t'.expand(1_000_000_000) }"                       || 'playbook.groovy:1: string too large (1000000000 characters; limit 16777216)'
        "command('a') { String.format('%1000000000s', 'x') }"                || 'playbook.groovy:1: format width too large (1000000000; limit 16777216)'
        "command('a') { sprintf('%.1000000000f', 1.0) }"                     || 'playbook.groovy:1: format width too large (1000000000; limit 16777216)'
        "command('a') { printf('%1000000000s', 'x') }"                       || 'playbook.groovy:1: format width too large (1000000000; limit 16777216)'
        "command('a') { '%1000000000s'.formatted('x') }"                     || 'playbook.groovy:1: format width too large (1000000000; limit 16777216)'
        "command('a') { 2 ** 100_000_000 }"                                  || 'playbook.groovy:1: number too large (about 200000000 bits; limit 1048576)'
        "command('a') { 2G.pow(100_000_000) }"                               || 'playbook.groovy:1: number too large (about 200000000 bits; limit 1048576)'
        "command('a') { 1G << 1_000_000_000 }"                               || 'playbook.groovy:1: number too large'
        "command('a') { (1..20).toList().permutations() }"                   || 'playbook.groovy:1: list too large'
        "command('a') { (1..100).toList().subsequences() }"                  || 'playbook.groovy:1: list too large'
        "command('a') { new ArrayList(1_000_000_000) }"                      || 'playbook.groovy:1: list too large (1000000000 elements; limit 1048576)'
        "def k = 'cla' + 'ss'; command('a') { 'x'[k] }"                     || "playbook.groovy:1: 'class' is not allowed"
        "command('a') { def e; try { 'x'.foo() } catch (ex) { e = ex }; e.type.declaredFields }" || "playbook.groovy:1: 'declaredFields' is not allowed"
        "command('a') { def e; try { frob() } catch (ex) { e = ex }; e.type.toString() }" || 'playbook.groovy:1: using class playbook is not allowed in a playbook'
        "command('a') { def c = [size: { 5 }] as Collection }"             || 'playbook.groovy:1: coercing a map or closure to Collection is not allowed'
        "command('a') { 'x'.foo(\"\${-> while (true) { } }\") }"             || "playbook.groovy:1: unknown method 'foo' on String"
    }

    def "a runaway loop stops at the time limit, reported as a time-out with its line: #script"() {
        given: 'the default memory limit: the loops allocate, but keep nothing'
        def quick = new PlaybookDsl(new SandboxLimits(Duration.ofSeconds(3), limits.memoryBytes()))

        when:
        long start = System.nanoTime()
        def e = failure(quick, script)
        def elapsed = Duration.ofNanos(System.nanoTime() - start)

        then:
        e.message == 'playbook.groovy:1: timed out after 3s (time limit)'
        elapsed < Duration.ofSeconds(5)

        where:
        script << ['while (true) { }', 'for (;;) { }', "command('a') { while (true) { } }",
                   "command('a') { while (true) { try { while (true) { } } catch (e) { } } }",
                   "command('a') { 1.upto(Integer.MAX_VALUE) { } }", "command('a') { Integer.MAX_VALUE.times { } }"]
    }

    def "a catastrophic regular expression stops at the default time limit, and its thread ends"() {
        given:
        def script = "command('a') { echo((('a' * 200) + '!') ==~ /(.*a){12}/) }"

        when:
        long start = System.nanoTime()
        def e = failure(dsl, script)
        def elapsed = Duration.ofNanos(System.nanoTime() - start)

        then:
        e.message == 'playbook.groovy:1: timed out after 10s (time limit)'
        elapsed < Duration.ofSeconds(12)
        new PollingConditions(timeout: 5).eventually {
            assert Thread.getAllStackTraces().keySet().findAll { it.name.startsWith('playbook-sandbox-') && it.alive }.empty
        }
    }

    def "a normal playbook still loads and plans after every hostile script"() {
        when:
        def playbook = dsl.load('playbook.groovy', PlaybookDslSpec.EXAMPLE)
        def plan = playbook.plan('up', [publicKey: 'k'])

        then:
        plan.actions().size() == 3
        plan.actions()[2] == new Echo('workers: 3 VMs', 8)
    }
}
