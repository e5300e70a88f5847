package io.infrakit.dsl

import spock.lang.Shared
import spock.lang.Specification

import java.time.Duration

class PlaybookDslSpec extends Specification {

    static final String EXAMPLE = '''\
description 'A cluster of VMs booted from an image with your SSH key'
param 'size', Integer, default: 3, description: 'how many VMs', validate: { it >= 1 && it <= 50 }
param 'publicKey', String, prompt: 'SSH public key to bake into the image', secret: false
param 'zone', String, default: 'a', choices: ['a', 'b']
command('up', description: 'build the image and start the cluster') {
    def img = image 'images/sshd.yml', vars: [key: publicKey]
    group 'workers', template('groups/workers.json.ftl', size: size, kernel: img.kernel, initrd: img.initrd)
    echo "workers: ${size} VMs"
}
command('scale') { scale 'workers', size }
command('down') { destroy 'workers' }
'''

    @Shared
    PlaybookDsl dsl = new PlaybookDsl(SandboxLimits.defaults())

    def "the example declares its description, params and commands with their lines"() {
        when:
        def playbook = dsl.load('playbook.groovy', EXAMPLE)

        then:
        playbook.fileName() == 'playbook.groovy'
        playbook.description() == 'A cluster of VMs booted from an image with your SSH key'
        playbook.params() == [
                new Param('size', ParamType.INTEGER, 3, 'how many VMs', null, [], false, 2),
                new Param('publicKey', ParamType.STRING, null, '', 'SSH public key to bake into the image', [], false, 3),
                new Param('zone', ParamType.STRING, 'a', '', null, ['a', 'b'], false, 4)]
        playbook.params()*.required() == [false, true, false]
        playbook.commands() == [
                new CommandInfo('up', 'build the image and start the cluster', 5),
                new CommandInfo('scale', '', 10),
                new CommandInfo('down', '', 11)]
    }

    def "planning 'up' builds the image, commits the group from a template fed with image outputs, and echoes"() {
        given:
        def playbook = dsl.load('playbook.groovy', EXAMPLE)

        when:
        def plan = playbook.plan('up', [publicKey: 'ssh-ed25519 AAAAkey', size: '5'])

        then:
        plan.playbook() == 'playbook.groovy'
        plan.command() == 'up'
        plan.params() == [size: 5, publicKey: 'ssh-ed25519 AAAAkey', zone: 'a']
        plan.actions() == [
                new BuildImage('images/sshd.yml', [key: 'ssh-ed25519 AAAAkey'], 6),
                new CommitGroup('workers', new TemplateSpec('groups/workers.json.ftl', [
                        size  : 5,
                        kernel: new ImageOutput('images/sshd.yml', 'kernel'),
                        initrd: new ImageOutput('images/sshd.yml', 'initrd')]), 7),
                new Echo('workers: 5 VMs', 8)]
    }

    def "plan values are plain Java: GStrings become Strings, ranges lists, doubles BigDecimals"() {
        given:
        def playbook = dsl.load('playbook.groovy', '''\
            param 'name', String, default: 'web'
            command('up') {
                group "g-${name}", [ID: "g-${name}", Sizes: 1..3, Ratio: 0.5d, Big: 10G, Nested: [[a: "${name}"]]]
            }
            '''.stripIndent())

        when:
        def action = playbook.plan('up', [:]).actions()[0] as CommitGroup
        def spec = (action.spec() as InlineSpec).spec()

        then:
        action.id() == 'g-web'
        action.id() instanceof String
        spec == [ID: 'g-web', Sizes: [1, 2, 3], Ratio: 0.5G, Big: 10L, Nested: [[a: 'web']]]
        spec.ID instanceof String
        spec.Sizes instanceof List
        spec.Ratio instanceof BigDecimal
        spec.Nested[0].a instanceof String
    }

    def "scale and destroy name the group; a String spec is a template path"() {
        given:
        def playbook = dsl.load('playbook.groovy', EXAMPLE + "command('raw') { group 'w', 'groups/./w.json' }\n")

        expect:
        playbook.plan('scale', [publicKey: 'k', size: 7]).actions() == [new ScaleGroup('workers', 7, 10)]
        playbook.plan('down', [publicKey: 'k']).actions() == [new DestroyGroup('workers', 11)]
        playbook.plan('raw', [publicKey: 'k']).actions() == [new CommitGroup('w', new TemplateSpec('groups/w.json', [:]), 12)]
    }

    def "every image output is an ImageOutput reference"() {
        given:
        def playbook = dsl.load('playbook.groovy', '''\
            command('up') {
                def img = image 'images/a.yml'
                echo "${[img.kernel, img.initrd, img.hash, img.iso, img.qcow2]*.output()}"
                group 'g', template('g.json', out: [img.kernel, img.initrd, img.hash, img.iso, img.qcow2])
            }
            '''.stripIndent())

        when:
        def actions = playbook.plan('up', [:]).actions()

        then:
        actions[0] == new BuildImage('images/a.yml', [:], 2)
        actions[1] == new Echo('[kernel, initrd, hash, iso, qcow2]', 3)
        ((actions[2] as CommitGroup).spec() as TemplateSpec).vars().out ==
                ['kernel', 'initrd', 'hash', 'iso', 'qcow2'].collect { new ImageOutput('images/a.yml', it) }
    }

    def "parameters are readable by name and through params; println and print are echoes"() {
        given:
        def playbook = dsl.load('playbook.groovy', '''\
            param 'size', Integer, default: 2
            param 'names', List, default: ['a', 'b']
            param 'wait', Duration, default: '1m30s'
            param 'ratio', BigDecimal, default: 1.5
            param 'dry', Boolean, default: false
            def describe(n) { "${n} VMs" }
            command('show') {
                println describe(size)
                print params.names.join('+')
                echo "${wait.seconds}s ${ratio * 2} ${!dry}"
                names << 'c'
                echo names
            }
            '''.stripIndent())

        when:
        def plan = playbook.plan('show', [:])

        then:
        plan.actions()*.text() == ['2 VMs', 'a+b', '90s 3.0 true', '[a, b, c]']
        plan.params() == [size: 2, names: ['a', 'b'], wait: Duration.ofSeconds(90), ratio: 1.5G, dry: false]
    }

    def "secret values stay in the plan's params but are masked for display and in echoes"() {
        given:
        def playbook = dsl.load('playbook.groovy', '''\
            param 'token', String, secret: true
            param 'region', String, default: 'eu'
            command('up') { echo "using token ${token} in ${region}" }
            '''.stripIndent())

        when:
        def plan = playbook.plan('up', [token: 's3cr3t-value'])

        then:
        plan.params() == [token: 's3cr3t-value', region: 'eu']
        plan.actions() == [new Echo('using token ****** in eu', 3)]
        playbook.masked(plan.params()) == [token: '******', region: 'eu']
        playbook.params()[0].display('s3cr3t-value') == '******'
        playbook.params()[1].display('eu') == 'eu'
    }

    def "the top level may assign variables and define helpers that commands use"() {
        given:
        def playbook = dsl.load('playbook.groovy', '''\
            prefix = 'infra'
            def id(String name) { "${prefix}-${name}" }
            command('up') { [1, 2].each { n -> scale id("g${n}"), n * 10 } }
            '''.stripIndent())

        expect:
        playbook.plan('up', [:]).actions() == [new ScaleGroup('infra-g1', 10, 3), new ScaleGroup('infra-g2', 20, 3)]
    }

    def "each plan evaluates a fresh script, so plans do not share state"() {
        given:
        def playbook = dsl.load('playbook.groovy', '''\
            def counter = [0]
            command('count') { counter[0] = counter[0] + 1; echo counter[0] }
            '''.stripIndent())

        expect:
        playbook.plan('count', [:]).actions()*.text() == ['1']
        playbook.plan('count', [:]).actions()*.text() == ['1']
    }

    def "Param.convert types command-line strings"() {
        given:
        def param = new Param('p', type, null, '', null, [], false, 1)

        expect:
        param.convert(raw) == expected

        where:
        type               | raw        || expected
        ParamType.STRING   | ' a b '    || ' a b '
        ParamType.INTEGER  | '42'       || 42
        ParamType.INTEGER  | '8589934592' || 8589934592L
        ParamType.DECIMAL  | '1.50'     || 1.50G
        ParamType.BOOLEAN  | 'TRUE'     || true
        ParamType.BOOLEAN  | 'false'    || false
        ParamType.LIST     | 'a, b,c'   || ['a', 'b', 'c']
        ParamType.LIST     | ''         || []
        ParamType.DURATION | '1m30s'    || Duration.ofSeconds(90)
        ParamType.DURATION | '100ms'    || Duration.ofMillis(100)
    }

    def "Param.convert names the parameter and the value it cannot convert"() {
        when:
        new Param('size', type, null, '', null, [], false, 1).convert(raw)

        then:
        def e = thrown(DslException)
        e.message == message
        e instanceof io.infrakit.spi.InvalidSpecException

        where:
        type               | raw   || message
        ParamType.INTEGER  | 'abc' || "parameter 'size' expects an integer, got 'abc'"
        ParamType.DECIMAL  | 'x'   || "parameter 'size' expects a number, got 'x'"
        ParamType.BOOLEAN  | 'yes' || "parameter 'size' expects true or false, got 'yes'"
        ParamType.DURATION | '10'  || "parameter 'size' expects a duration such as 10s or 1m30s, got '10'"
    }
}
