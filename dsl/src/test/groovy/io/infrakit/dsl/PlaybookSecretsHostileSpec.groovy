package io.infrakit.dsl

import io.infrakit.spi.InvalidSpecException
import spock.lang.Shared
import spock.lang.Specification

/**
 * A secret parameter's value never shows in what planning a playbook prints or throws, even when the script tries
 * to put it there (docs/security.md); a value of any other parameter shows in an error only escaped and cut short.
 */
class PlaybookSecretsHostileSpec extends Specification {

    static final String SECRET = 'S3CRETpw'

    @Shared
    PlaybookDsl dsl = new PlaybookDsl(SandboxLimits.defaults())

    DslException planFailure(String script, Map values) {
        def playbook = dsl.load('playbook.groovy', script)
        try {
            playbook.plan('up', values)
        } catch (DslException e) {
            return e
        }
        throw new AssertionError('planned without an error: ' + script)
    }

    def "a script cannot put a secret into an error: #script"() {
        when:
        def e = planFailure(script, [password: SECRET])

        then:
        e instanceof InvalidSpecException
        e.message == message
        !e.message.contains(SECRET)

        where:
        script                                                                                          || message
        "param 'password', String, secret: true, validate: { assert it == 'x' : 'bad ' + it }\ncommand('up') { }" || "playbook.groovy:1: parameter 'password' = ****** is not valid: bad ******. Expression: (it == x). Values: it = ******"
        "param 'password', String, secret: true\ncommand('up') {\n    assert password == 'x' : \"cannot use \$password\"\n}" || 'playbook.groovy:3: cannot use ******. Expression: (password == x). Values: password = ******'
        "param 'password', String, secret: true\ncommand('up') {\n    Integer.parseInt(password)\n}"     || 'playbook.groovy:3: For input string: "******"'
        "param 'password', String, secret: true\ncommand('up') {\n    def m = [:]\n    m[password].x\n}"  || 'playbook.groovy:4: Cannot get property \'x\' on null object'
        "param 'password', Integer, secret: true\ncommand('up') { }"                                    || "playbook.groovy:1: parameter 'password' expects an integer, got '******'"
        "param 'password', String, secret: true, choices: ['a1b2c3d4']\ncommand('up') { }"              || "playbook.groovy:1: parameter 'password' must be one of a1b2c3d4; got '******'"
    }

    def "echoes mask a secret's value, a list secret's elements and a secret default"() {
        given:
        def playbook = dsl.load('playbook.groovy', '''\
            param 'password', String, secret: true
            param 'keys', List, secret: true
            param 'fallback', String, secret: true, default: 'changeme1'
            command('up') { echo "${password} ${keys[1]} ${keys} ${fallback}" }
            '''.stripIndent())

        when:
        def plan = playbook.plan('up', [password: SECRET, keys: 'alpha-key,beta-key'])

        then:
        plan.actions() == [new Echo('****** ****** [******, ******] ******', 4)]
        playbook.secrets(plan.params()).redact("${SECRET} alpha-key changeme1") == '****** ****** ******'
        plan.params().password == SECRET
    }

    def "another parameter's value shows in an error escaped and cut short: #value"() {
        given:
        def playbook = dsl.load('playbook.groovy', "param 'size', Integer\ncommand('up') { }")

        when:
        playbook.plan('up', [size: value])

        then:
        def e = thrown(DslException)
        e.message == "playbook.groovy:1: parameter 'size' expects an integer, got '${shown}'"
        e.message.lines().count() == 1

        where:
        value                      || shown
        'lots'                     || 'lots'
        'x' * 200                  || 'x' * 20 + '...'
        'a\u001b[31mred'           || 'a\\u001b[31mred'
        'abc\u202edef'             || 'abc\\u202edef'
        'one\ntwo'                 || 'one\\u000atwo'
    }
}
