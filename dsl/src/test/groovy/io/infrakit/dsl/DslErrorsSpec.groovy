package io.infrakit.dsl

import spock.lang.Shared
import spock.lang.Specification

/** Every error a playbook author can make, with its exact one-line message and script line. */
class DslErrorsSpec extends Specification {

    static final String PARAMS = '''\
param 'size', Integer, default: 3, validate: { it >= 1 && it <= 50 }
param 'publicKey', String, prompt: 'SSH public key to bake into the image'
param 'zone', String, default: 'a', choices: ['a', 'b']
param 'count', Integer, default: 1, min: 1, max: 5
param 'checked', String, default: 'ok', validate: { assert it.startsWith('o'); true }
command('up') { echo "${size} for ${publicKey}" }
command('scale') { }
command('down') { }
'''

    @Shared
    PlaybookDsl dsl = new PlaybookDsl(SandboxLimits.defaults())

    def "load fails with '#message'"() {
        when:
        dsl.load('playbook.groovy', script.stripIndent())

        then:
        def e = thrown(DslException)
        e.message == message
        !e.message.contains('\n')

        where:
        script                                                        || message
        "command('a') {\n  echo 'x'\n  group 'x', [\n}\n"              || "playbook.groovy:4:1: Unexpected input: '('a') {\\n  echo 'x'\\n  group 'x', [\\n}'"
        "def x = \n"                                                   || "playbook.groovy:2:1: Unexpected input: '<EOF>'"
        "param 'size', Integer\nparam 'size', Integer\n"               || "playbook.groovy:2: parameter 'size' is already defined on line 1"
        "command('a') {}\n\ncommand('a') {}\n"                         || "playbook.groovy:3: command 'a' is already defined on line 1"
        "command('') {}\n"                                             || "playbook.groovy:1: a command needs a name: command('up') { ... }"
        "command(null) {}\n"                                           || "playbook.groovy:1: a command needs a name: command('up') { ... }"
        "\ncommand {\n}\n"                                             || "playbook.groovy:2: a command needs a name: command('up') { ... }"
        "param 'size', Integer, default: 'abc'\n"                      || "playbook.groovy:1: parameter 'size' expects an integer, got 'abc'"
        "param 'size', Integer, default: [1]\n"                        || "playbook.groovy:1: parameter 'size' expects an integer, got '[1]'"
        "param 'zone', String, default: 'c', choices: ['a', 'b']\n"    || "playbook.groovy:1: parameter 'zone': the default 'c' is not one of a, b"
        "param 'size', Integer, defualt: 3\n"                          || "playbook.groovy:1: parameter 'size': unknown option 'defualt'; did you mean 'default'?"
        "param 'size', Map\n"                                          || "playbook.groovy:1: a parameter's type must be String, Integer, BigDecimal, Boolean, List or Duration, got Map"
        "param 'name', String, min: 1\n"                               || "playbook.groovy:1: parameter 'name': min must be a number, and only numbers have one"
        "param 'my-key', String\n"                                     || "playbook.groovy:1: parameter name 'my-key' must be a name such as 'size' that is not reserved (params, owner, delegate, ...) or a DSL verb"
        "param 'size'\n"                                               || 'playbook.groovy:1: param expects (String name, Class type, [default:, description:, prompt:, choices:, validate:, min:, max:, secret:])'
        "description 'a'\ndescription 'b'\n"                           || 'playbook.groovy:2: the description is already set on line 1'
        "description 5\n"                                              || 'playbook.groovy:1: description expects (String text)'
        "\ngroup 'x', 'y'\n"                                           || 'playbook.groovy:2: group can only be used inside a command'
        "param 'size', Integer, default: 3\necho size\n"               || "playbook.groovy:2: parameter 'size' can only be read inside a command"
        "def group(x) { x }\n"                                         || "playbook.groovy:1: a method named 'group' cannot be defined in a playbook"
        "command('a') {}\nfrobnicate()\n"                              || "playbook.groovy:2: unknown method 'frobnicate'"
        "x = 1\nassert x == 2\n"                                       || 'playbook.groovy:2: assert x == 2'
    }

    def "plan fails with '#message'"() {
        given:
        def playbook = dsl.load('playbook.groovy', PARAMS + commands.stripIndent())

        when:
        playbook.plan(command, values)

        then:
        def e = thrown(DslException)
        e.message == message
        !e.message.contains('\n')

        where:
        commands                                                       | command | values                          || message
        ''                                                             | 'nope'  | [:]                             || "playbook.groovy: unknown command 'nope'; commands: down, scale, up"
        ''                                                             | 'up'    | [sise: 3, publicKey: 'k']       || "playbook.groovy: unknown parameter 'sise'; did you mean 'size'?"
        ''                                                             | 'up'    | [other: 3, publicKey: 'k']      || "playbook.groovy: unknown parameter 'other'; parameters: size, publicKey, zone, count, checked"
        ''                                                             | 'up'    | [:]                             || "playbook.groovy:2: parameter 'publicKey' is required (SSH public key to bake into the image)"
        ''                                                             | 'up'    | [publicKey: 'k', size: 'abc']   || "playbook.groovy:1: parameter 'size' expects an integer, got 'abc'"
        ''                                                             | 'up'    | [publicKey: 'k', size: true]    || "playbook.groovy:1: parameter 'size' expects an integer, got 'true'"
        ''                                                             | 'up'    | [publicKey: 'k', zone: 'c']     || "playbook.groovy:3: parameter 'zone' must be one of a, b; got 'c'"
        ''                                                             | 'up'    | [publicKey: 'k', size: 0]       || "playbook.groovy:1: parameter 'size' = 0 is not valid"
        ''                                                             | 'up'    | [publicKey: 'k', size: '51']    || "playbook.groovy:1: parameter 'size' = 51 is not valid"
        ''                                                             | 'up'    | [publicKey: 'k', count: 0]      || "playbook.groovy:4: parameter 'count' must be at least 1; got 0"
        ''                                                             | 'up'    | [publicKey: 'k', count: 6]      || "playbook.groovy:4: parameter 'count' must be at most 5; got 6"
        ''                                                             | 'up'    | [publicKey: 'k', checked: 'no'] || "playbook.groovy:5: parameter 'checked' = no is not valid: assert it.startsWith('o')"
        "command('a') {\n  grup 'workers', 'x.json'\n}\n"              | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: unknown method 'grup'; did you mean 'group'?"
        "command('a') {\n  scale 'workers', sise\n}\n"                 | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: variable 'sise' is not defined; did you mean 'size'?"
        "command('a') {\n  echo nothingLikeIt\n}\n"                    | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: variable 'nothingLikeIt' is not defined"
        "def helper() { 1 }\ncommand('a') {\n  helpr()\n}\n"           | 'a'     | [publicKey: 'k']                || "playbook.groovy:11: unknown method 'helpr'; did you mean 'helper'?"
        "command('a') {\n  group 'x', 5\n}\n"                          | 'a'     | [publicKey: 'k']                || 'playbook.groovy:10: group expects (String id, template(...) | Map | String path)'
        "command('a') {\n  group 5\n}\n"                               | 'a'     | [publicKey: 'k']                || 'playbook.groovy:10: group expects (String id, template(...) | Map | String path)'
        "command('a') {\n  scale 'x', 'y'\n}\n"                        | 'a'     | [publicKey: 'k']                || 'playbook.groovy:10: scale expects (String id, int size)'
        "command('a') {\n  scale 'x', -1\n}\n"                         | 'a'     | [publicKey: 'k']                || 'playbook.groovy:10: scale: size must be between 0 and 2147483647, got -1'
        "command('a') {\n  destroy()\n}\n"                             | 'a'     | [publicKey: 'k']                || 'playbook.groovy:10: destroy expects (String id)'
        "command('a') {\n  image 'x.yml', varz: [:]\n}\n"              | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: image: unknown option 'varz'; did you mean 'vars'?"
        "command('a') {\n  template()\n}\n"                            | 'a'     | [publicKey: 'k']                || 'playbook.groovy:10: template expects (String path, [Map vars])'
        "command('a') {\n  image()\n}\n"                               | 'a'     | [publicKey: 'k']                || 'playbook.groovy:10: image expects (String file, [vars: Map])'
        "command('a') {\n  echo 'a', 'b'\n}\n"                         | 'a'     | [publicKey: 'k']                || 'playbook.groovy:10: echo expects (Object message)'
        "command('a') {\n  def x = 1\n  assert x == 2\n}\n"            | 'a'     | [publicKey: 'k']                || 'playbook.groovy:11: assert x == 2'
        "command('a') {\n  def x = null\n  x.foo()\n}\n"               | 'a'     | [publicKey: 'k']                || 'playbook.groovy:11: Cannot invoke method foo() on null object'
        "command('a') {\n  Integer i = 'abc'\n}\n"                     | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: Cannot cast object 'abc' with class 'java.lang.String' to class 'java.lang.Integer'"
        "command('a') {\n  'abc'.foo()\n}\n"                           | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: unknown method 'foo' on String"
        "command('a') {\n  echo 1 / 0\n}\n"                            | 'a'     | [publicKey: 'k']                || 'playbook.groovy:10: Division by zero'
        "command('a') {\n  image '/etc/passwd'\n}\n"                   | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: path '/etc/passwd' must be relative to the playbook"
        "command('a') {\n  image 'a/../../x.yml'\n}\n"                 | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: path 'a/../../x.yml' leaves the playbook directory"
        "command('a') {\n  group 'g', template('C:/x.ftl')\n}\n"       | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: path 'C:/x.ftl' must be relative to the playbook"
        "command('a') {\n  group 'g', '../g.json'\n}\n"                | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: path '../g.json' leaves the playbook directory"
        "command('a') {\n  def i = image('x.yml')\n  echo i.kernal\n}\n" | 'a'   | [publicKey: 'k']                || "playbook.groovy:11: image 'x.yml' has no output 'kernal'; outputs: kernel, vmlinux, initrd, cmdline, hash, iso, qcow2"
        "command('a') {\n  group 'g', [img: image('x.yml')]\n}\n"      | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: the result of image('x.yml') is not a value; use one of its outputs: kernel, vmlinux, initrd, cmdline, hash, iso, qcow2"
        "command('a') {\n  param 'x', String\n}\n"                     | 'a'     | [publicKey: 'k']                || 'playbook.groovy:10: param can only be used at the top level of the playbook'
        "command('a') {\n  size = 4\n}\n"                              | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: parameter 'size' cannot be assigned"
        "command('a') {\n  image \"a\\n/../../b\"\n}\n"                | 'a'     | [publicKey: 'k']                || "playbook.groovy:10: path 'a /../../b' leaves the playbook directory"
    }

    def "a secret value is masked in parameter errors"() {
        given:
        def playbook = dsl.load('playbook.groovy', '''\
            param 'token', String, secret: true, choices: ['abcd-1', 'abcd-2']
            param 'pin', Integer, secret: true, validate: { it > 1000 }
            command('up') { }
            '''.stripIndent())

        when:
        playbook.plan('up', values)

        then:
        def e = thrown(DslException)
        e.message == message

        where:
        values                          || message
        [token: 'other', pin: 1234]     || "playbook.groovy:1: parameter 'token' must be one of abcd-1, abcd-2; got '******'"
        [token: 'abcd-1', pin: 'x9']    || "playbook.groovy:2: parameter 'pin' expects an integer, got '******'"
        [token: 'abcd-1', pin: 12]      || "playbook.groovy:2: parameter 'pin' = ****** is not valid"
    }
}
