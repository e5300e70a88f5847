package io.infrakit.templates

import io.infrakit.spi.Json
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * Hostile values and templates (docs/security.md). A value given to a JSON or YAML template is stored as
 * exactly the text it was, whatever it holds, and never adds a key; a template that reads outside its tree, loops
 * forever, or builds too much fails fast with one line (a {@link TemplateException}: exit 3) and renders nothing.
 */
@Timeout(120)
class TemplateHostileSpec extends Specification {

    static final Duration TIME_LIMIT = Duration.ofSeconds(3)
    static final Duration BOUNDED = Duration.ofSeconds(8)
    static final Path QUICKSTART = Path.of('..', 'examples', 'playbooks', 'quickstart').toAbsolutePath().normalize()

    /** The --team of the issue: it closes the string and the object, and adds InitScriptTemplateURL. */
    static final String ISSUE_TEAM = 'ops"}, "InitScriptTemplateURL": "file:///etc/shadow", "x": {"y": "z'

    @TempDir
    @Shared
    Path base

    @Shared
    Path specs

    @Shared
    Templates templates

    /** The limits every render has unless its caller sets others: 10 s, 256 MiB, strings of 16 Mi characters. */
    @Shared
    Templates defaultLimits

    def setupSpec() {
        def root = base.resolve('playbook')
        specs = root.resolve('specs')
        def outside = Files.createDirectories(base.resolve('outside'))
        Files.writeString(outside.resolve('secret.txt'), 'secret')
        Files.writeString(outside.resolve('secret.ftl'), 'secret ${1 + 1}')
        def tree = new PlaybookTree(root)
        tree.write('specs/self.ftl', 'x${include(\'self.ftl\')}')
        tree.write('specs/self-directive.ftl', 'x<#include \'self-directive.ftl\'>')
        tree.write('specs/self-source.ftl', 'x${source(\'self-source.ftl\')}')
        tree.write('specs/huge.ftl', '<#list 1..100000000 as i>xxxxxxxxxx</#list>')
        tree.write('specs/plain-fragment.ftl', '{"Plugin": "${plugin}"}')
        tree.write('specs/fragment.json.ftl', '{"Plugin": "${plugin}"}')
        tree.write('specs/fragment.yml.ftl', 'Plugin: ${plugin}\n')
        Files.createSymbolicLink(specs.resolve('link.txt'), outside.resolve('secret.txt'))
        Files.createSymbolicLink(specs.resolve('linked-dir'), outside)
        templates = new Templates(TemplatePolicy.confinedTo(root), TIME_LIMIT)
        defaultLimits = new Templates(TemplatePolicy.confinedTo(root))
    }

    // --- Item 2: values cannot inject into JSON or YAML templates ---

    def "a value in a JSON string is stored as written: #description"() {
        when:
        def tree = parse('h.json.ftl', '{"Tags": {"team": "${team}", "role": "web"}}', [team: value])

        then:
        tree == [Tags: [team: value, role: 'web']]

        where:
        description                       | value
        'the issue\'s --team'             | ISSUE_TEAM
        'a quote and a backslash'         | 'a\\", "k": "v'
        'line breaks and a tab'           | 'a\nb\r\nc\td'
        'control characters'              | 'a\u0000b\u001fc\u007fd\u0085e'
        'line separators'                 | 'a\u2028b\u2029c'
        'a byte order mark'               | '\ufeffx'
        'an emoji'                        | 'a\ud83d\ude00b'
        'a Freemarker expression'         | '${1 + 1}<#list 1..3 as i>x</#list>'
        'a closing comment'               | '*/ --> ]]>'
    }

    def "a string where JSON wants a number cannot add keys: it fails with one line"() {
        when:
        parse('h.json.ftl', '{"Size": ${size}}', [size: '1, "InitScriptTemplateURL": "file:///etc/shadow"'])

        then:
        def e = thrown(TemplateException)
        oneLine(e)
        e.message.startsWith('h.json.ftl: rendered output is not valid JSON: line 1, column 13: ')
    }

    def "numbers and booleans are written as they are, and jsonEncode() writes a whole value unescaped"() {
        when:
        def tree = parse('h.json.ftl',
                '{"Size": ${size}, "Ratio": ${ratio}, "On": ${on}, "Init": ${jsonEncode(init)}, "Tags": ${jsonEncode(tags)}}',
                [size: 3, ratio: 0.5, on: true, init: ['echo "hi"', 'a\nb'], tags: [team: ISSUE_TEAM]])

        then:
        tree == [Size: 3, Ratio: 0.5, On: true, Init: ['echo "hi"', 'a\nb'], Tags: [team: ISSUE_TEAM]]
    }

    def "an included JSON template is written as JSON; an included plain template is a string to escape"() {
        expect:
        parse('h.json.ftl', '{"Flavor": ${include("fragment.json.ftl")}}', [plugin: ISSUE_TEAM]) ==
                [Flavor: [Plugin: ISSUE_TEAM]]
        parse('h.json.ftl', '{"Flavor": "${include("plain-fragment.ftl")}"}', [plugin: 'vanilla']) ==
                [Flavor: '{"Plugin": "vanilla"}']
    }

    def "a value in a YAML template is one whole scalar, stored as written: #description"() {
        when:
        def tree = parse('h.yml.ftl', "Tags:\n  team: \${team}\n  role: web\nFlow: {team: \${team}, role: web}\n",
                [team: value])

        then:
        tree == [Tags: [team: value, role: 'web'], Flow: [team: value, role: 'web']]

        where:
        description                 | value
        'the issue\'s --team'       | ISSUE_TEAM
        'a new line and a key'      | 'ops\nInitScriptTemplateURL: file:///etc/shadow'
        'a flow mapping'            | '{InitScriptTemplateURL: file:///etc/shadow}'
        'a comma and a key in flow' | 'ops, InitScriptTemplateURL: file:///etc/shadow'
        'a flow sequence'           | '[a, b]'
        'an alias'                  | '*anchor'
        'an anchor'                 | '&anchor ops'
        'a tag'                     | '!!binary aGk='
        'a comment'                 | 'ops # comment'
        'a block scalar'            | '|\n  text'
        'a document marker'         | '---'
        'a merge key'               | '<<'
        'a quoted string'           | '"ops"'
        'leading and trailing blanks' | '  ops  '
        'the empty string'          | ''
        'a URL'                     | 'http://example.com:8080/x?y=1'
        'control characters'        | 'a\u0000b\u0085c\u2028d'
    }

    def "simple YAML values read as they did before: #value"() {
        expect:
        parse('h.yml.ftl', 'Value: ${value}\nNote: worker version ${value}\n', [value: value]) ==
                [Value: stored, Note: 'worker version ' + value]

        where:
        value                         || stored
        3                             || 3
        -1                            || -1
        1.5                           || 1.5
        true                          || true
        'ops'                         || 'ops'
        'console=ttyS0 quiet panic=-1' || 'console=ttyS0 quiet panic=-1'
        '/home/me/images/vmlinux'     || '/home/me/images/vmlinux'
        'ssh-ed25519 AAAAC3Nz+/= me@host' || 'ssh-ed25519 AAAAC3Nz+/= me@host'
    }

    def "a JSON template can be included where a YAML value goes; a YAML one cannot go into JSON"() {
        expect:
        parse('h.yml.ftl', 'Flavor: ${include("fragment.json.ftl")}\n', [plugin: ISSUE_TEAM]) ==
                [Flavor: [Plugin: ISSUE_TEAM]]

        when:
        render('h.json.ftl', '{"Flavor": ${include("fragment.yml.ftl")}}', [plugin: 'vanilla'])

        then:
        def e = thrown(TemplateException)
        oneLine(e)
        e.message == 'h.json.ftl:1:12: The value to print is in YAML format, which differs from the current output' +
                " format, JSON. Format conversion wasn't possible."

    }

    def "the shipped quickstart stores the issue's --team as the team tag, and adds no key"() {
        given:
        def session = new Templates(TemplatePolicy.confinedTo(QUICKSTART)).session()
        def vars = [size: 3, version: 1, workers: 2, team: ISSUE_TEAM]

        when:
        def web = SpecDocuments.parse('web.json.ftl',
                session.render(QUICKSTART.resolve('groups/web.json.ftl').toString(), vars + [role: 'web']).text())
        def worker = SpecDocuments.parse('worker.yml.ftl',
                session.render(QUICKSTART.resolve('groups/worker.yml.ftl').toString(),
                        vars + [role: 'worker', size: 2]).text())

        then:
        web.at('/Properties/Flavor/Properties/Tags/team').asText() == ISSUE_TEAM
        worker.at('/Properties/Flavor/Properties/Tags/team').asText() == ISSUE_TEAM
        !Json.canonical(web).contains('"InitScriptTemplateURL"')
        !Json.canonical(worker).contains('"InitScriptTemplateURL"')
    }

    def "the shipped quickstart renders the specs it always did for normal values"() {
        given:
        def session = new Templates(TemplatePolicy.confinedTo(QUICKSTART)).session()
        def vars = [size: 3, version: 1, workers: 2, team: 'ops']

        expect:
        Json.canonical(SpecDocuments.parse('web.json.ftl', session.render(
                QUICKSTART.resolve('groups/web.json.ftl').toString(), vars + [role: 'web']).text())) ==
                '{"ID":"web","Properties":{"Allocation":{"Size":3},"Flavor":{"Plugin":"vanilla","Properties":' +
                '{"Init":["echo web version 1"],"Tags":{"playbook":"quickstart","role":"web","team":"ops"}}},' +
                '"Instance":{"Plugin":"file","Properties":{"Note":"web version 1"}},' +
                '"Updating":{"MaxSurge":1,"MaxUnavailable":0}}}'
        Json.canonical(SpecDocuments.parse('worker.yml.ftl', session.render(
                QUICKSTART.resolve('groups/worker.yml.ftl').toString(), vars + [role: 'worker', size: 2]).text())) ==
                '{"ID":"worker","Properties":{"Allocation":{"Size":2},"Flavor":{"Plugin":"vanilla","Properties":' +
                '{"Init":["echo worker version 1"],"Tags":{"playbook":"quickstart","role":"worker","team":"ops"}}},' +
                '"Instance":{"Plugin":"file","Properties":{"Note":"worker version 1"}}}}'
    }

    // --- Item 5: what a template builds is bounded, and it fails with one line well inside the time limit ---

    def "builds too much and fails with one line, quickly: #description"() {
        when:
        long start = System.nanoTime()
        defaultLimits.session().renderString('h.ftl', body, specs, [:])

        then:
        def e = thrown(TemplateException)
        e.message == message
        oneLine(e)
        Duration.ofNanos(System.nanoTime() - start) < TemplateLimits.defaults().renderTime()

        where:
        description | body || message
        's = s + s, forty times in a loop' | '<#assign s = "x"><#list 1..40 as i><#assign s = s + s></#list>${s?length}' || 'h.ftl: rendering held more than 128 MiB of memory; stopped'
        's = s + s, forty times in a row' | '<#assign s = "x">' + '<#assign s = s + s>' * 40 + '${s?length}' || 'h.ftl: rendering held more than 128 MiB of memory; stopped'
        's = s + s in a recursive function' | '<#function f s n><#if n == 0><#return s></#if><#return f(s + s, n - 1)></#function>${f("x", 40)?length}' || 'h.ftl: rendering held more than 128 MiB of memory; stopped'
        'strings kept in a growing list' | '<#assign s = "x"?left_pad(16000000)><#assign l = []><#list 1..1000 as i><#assign l = l + [s + i]></#list>${l?size}' || 'h.ftl: rendering held more than 128 MiB of memory; stopped'
        '"x"?left_pad(2000000000)' | '${"x"?left_pad(2000000000)}' || 'h.ftl:1:1: ?left_pad would build a string of 2000000000 characters; the limit is 16777216'
        '?right_pad with a filling' | '${"x"?right_pad(2000000000, "ab")}' || 'h.ftl:1:1: ?right_pad would build a string of 2000000000 characters; the limit is 16777216'
        '?leftPad, the camel-case name' | '${"x"?leftPad(2000000000)}' || 'h.ftl:1:1: ?leftPad would build a string of 2000000000 characters; the limit is 16777216'
        '?join of a huge range' | '${(1..2000000000)?join(",")}' || 'h.ftl:1:1: ?join of 2000000000 elements; the limit is 1000000'
        '?join of a list doubled twenty-one times' | '<#assign l = ["x"]><#list 1..21 as i><#assign l = l + l></#list>${l?join(",")}' || 'h.ftl:1:65: ?join of 2097152 elements; the limit is 1000000'
        '?join of long strings' | '<#assign s = "x"?left_pad(10000000)>${[s, s]?join("")}' || 'h.ftl:1:37: ?join would build a string of 20000000 characters; the limit is 16777216'
        '?replace of "" by a long string' | '<#assign s = "x"?left_pad(100000)>${s?replace("", s)?length}' || 'h.ftl:1:35: ?replace would build a string of 10000200000 characters; the limit is 16777216'
        '?replace with a regular expression' | '<#assign s = "x"?left_pad(100000)>${s?replace(".", s, "r")?length}' || 'h.ftl:1:35: ?replace would build a string of 10000100000 characters; the limit is 16777216'
        '?sort of a huge range' | '${(1..2000000000)?sort?size}' || 'h.ftl:1:1: ?sort of 2000000000 elements; the limit is 1000000'
        'a number squared forty times' | '<#assign n = 10><#list 1..40 as i><#assign n = n * n></#list>${n}' || 'h.ftl:1:48: a number of more than 1000 digits'
        '"1e999999999"?number' | '${"1e999999999"?number?c}' || "h.ftl:1:3: '1e999999999' has more than 1000 digits"
    }

    def "normal uses of the bounded built-ins work as before"() {
        expect:
        render('h.ftl', body, [:]).text() == text

        where:
        body                                                        || text
        '${"7"?left_pad(3, "0")}-${"ab"?right_pad(4, ".")}'        || '007-ab..'
        '${["a", "b", "c"]?join(", ", "-", ".")}'                  || 'a, b, c.'
        '${[]?join(", ", "-", ".")}'                               || '-'
        '${(1..5)?join("")}'                                       || '12345'
        '${"a-b-c"?replace("-", "+")} ${"aXbx"?replace("x", "", "i")} ${"a1b22"?replace("[0-9]+", "#", "r")}' || 'a+b+c ab a#b#'
        '${[3, 1, 2]?sort?join(",")} ${(1..7)?chunk(3)?size}'       || '1,2,3 3'
        '${2 * 1024 * 1024 * 1024 * 1024} ${1 / 3}'                 || '2199023255552 0.333333333333'
    }

    // --- Item 7: YAML a template renders or decodes is never stored as something else ---

    def "YAML aliases and merge keys are refused with one line: #description"() {
        when:
        def text = render('h.yml.ftl', body, [:]).text()
        SpecDocuments.parse('h.yml.ftl', text)

        then:
        def e = thrown(TemplateException)
        e.message == message
        oneLine(e)

        where:
        description            | body                                              || message
        'an alias'             | 'Note: &n hello\nCopy: *n\n'                      || 'h.yml.ftl: rendered output, line 2, column 7: YAML aliases (*n) are not supported; write the value out'
        'a merge key'          | 'b: &b {x: 1}\nProperties:\n  <<: *b\n'           || 'h.yml.ftl: rendered output, line 3, column 3: YAML merge keys (<<) are not supported; write the keys out'
        'an alias in yamlDecode()' | '${yamlDecode("a: &a 1\\nb: *a\\n").b}'         || 'h.yml.ftl:1:3: yamlDecode(): line 2, column 4: YAML aliases (*a) are not supported; write the value out'
    }

    // --- The sandbox: reading outside the tree, endless loops, nesting, output (kept from HostileTemplatesTest) ---

    def "fails with one line in bounded time: #description"() {
        when:
        long start = System.nanoTime()
        render('h.ftl', body, [image: 'ubuntu', spec: [ID: 'workers']])

        then:
        def e = thrown(TemplateException)
        e.message == expected.replace('BASE', base.toString()).replace('SPECS', specs.toString())
        oneLine(e)
        Duration.ofNanos(System.nanoTime() - start) < BOUNDED

        where:
        description | body || expected
        '?new instantiates a class' | "<#assign run = 'freemarker.template.utility.Execute'?new()>\${run('id')}" || 'h.ftl:1:1: Instantiating freemarker.template.utility.Execute is not allowed in the template for security reasons.'
        '<#setting> re-enables ?new' | "<#setting new_builtin_class_resolver='unrestricted'>" || "h.ftl:1:11: The setting name is recognized, but changing this setting from inside a template isn't supported."
        '?api reaches Java methods' | '${image?api.getClass()}' || 'h.ftl:1:3: Can\'t use ?api, because the "api_builtin_enabled" configuration setting is false. Think twice before you set it to true though. Especially, it shouldn\'t abused for modifying Map-s and Collection-s.'
        '.class on a string' | '${image.class}' || 'h.ftl:1:3: For "." left-hand operand: Expected a hash, but this has evaluated to a string: image'
        '.class on a hash' | "\${spec.class.forName('java.lang.Runtime')}" || "h.ftl:1:3: 'spec.class' is not defined"
        'getClass() on a hash' | '${spec.getClass()}' || "h.ftl:1:3: 'spec.getClass' is not defined"
        'file() of /etc/passwd' | "\${file('/etc/passwd')}" || "h.ftl:1:3: '/etc/passwd' is outside the playbook tree"
        'include() of /etc/passwd' | "\${include('/etc/passwd')}" || "h.ftl:1:3: '/etc/passwd' is outside the playbook tree"
        '<#include> of /etc/passwd' | "<#include '/etc/passwd'>" || "h.ftl:1:1: '/etc/passwd' is outside the playbook tree"
        '.get_optional_template of /etc/passwd' | "\${.get_optional_template('/etc/passwd').exists?c}" || "h.ftl:1:1: '/etc/passwd' is outside the playbook tree"
        'fetch() of file:///etc/passwd' | "\${fetch('file:///etc/passwd')}" || "h.ftl:1:3: '/etc/passwd' is outside the playbook tree"
        '../../ out of the tree with fetch()' | "\${fetch('../../outside/secret.txt')}" || "h.ftl:1:3: 'BASE/outside/secret.txt' is outside the playbook tree"
        '../../ out of the tree with <#include>' | "<#include '../../outside/secret.ftl'>" || "h.ftl:1:1: 'BASE/outside/secret.ftl' is outside the playbook tree"
        '../ beyond the root with <#import>' | "<#import '../../../../../../../../../../../../etc/passwd' as p>" || "h.ftl:1:1: '/etc/passwd' is outside the playbook tree"
        'a symbolic link to a file outside' | "\${file('link.txt')}" || "h.ftl:1:3: 'SPECS/link.txt' is outside the playbook tree"
        'a symbolic link to a directory outside' | "\${include('linked-dir/secret.ftl')}" || "h.ftl:1:3: 'SPECS/linked-dir/secret.ftl' is outside the playbook tree"
        'an endless empty <#list>' | '<#list 1..2147483647 as i></#list>' || 'h.ftl: rendering took longer than 3s; stopped'
        'an endless <#list> that assigns' | '<#list 1..2147483647 as i><#assign x = i></#list>' || 'h.ftl: rendering took longer than 3s; stopped'
        'an endless loop inside <#attempt>' | '<#attempt><#list 1..2147483647 as i><#assign x = i></#list><#recover>caught</#attempt>' || 'h.ftl: rendering took longer than 3s; stopped'
        'an endless loop around include()' | "<#list 1..2147483647 as i>\${include('str://')}</#list>" || 'h.ftl: rendering took longer than 3s; stopped'
        'include() of itself' | "\${include('self.ftl')}" || 'self.ftl:1:4: include depth exceeds 32'
        'source() of itself' | "\${source('self-source.ftl')}" || 'self-source.ftl:1:4: include depth exceeds 32'
        '<#include> of itself' | "<#include 'self-directive.ftl'>" || 'h.ftl: templates nest too deeply'
        'a recursive macro' | '<#macro m><@m/></#macro><@m/>' || 'h.ftl: templates nest too deeply'
        '1 GB of output' | '<#list 1..100000000 as i>xxxxxxxxxx</#list>' || 'h.ftl: rendered output exceeds 16 MiB'
        '1 GB of output from an included template' | "\${include('huge.ftl')}" || 'huge.ftl: rendered output exceeds 16 MiB'
        '?interpret, which would escape the time limit' | "<#assign loop = '<#list 1..2147483647 as i></#list>'?interpret><@loop/>" || 'h.ftl:1:53: ?interpret is not allowed in templates'
        '?eval hiding ?interpret' | "\${(\"'x'?inter\" + \"pret\")?<#-- -->eval}" || 'h.ftl:1:25: ?eval is not allowed in templates'
    }

    def "a normal render still works after every hostile template, in the same session"() {
        given:
        def session = templates.session()
        def bodies = ['<#list 1..2147483647 as i><#assign x = i></#list>', "\${include('self.ftl')}",
                      '<#macro m><@m/></#macro><@m/>', "<#include '/etc/passwd'>"]

        when:
        bodies.each { body ->
            try {
                session.renderString('h.ftl', body, specs, [:])
                assert false: 'rendered: ' + body
            } catch (TemplateException expected) {
            }
        }

        then:
        session.renderString('normal.json.ftl', '{"ID": "${id}"}', specs, [id: 'workers']).text() == '{"ID": "workers"}'
    }

    def "a stopped render leaves no thread rendering and its caller not interrupted"() {
        when:
        render('h.ftl', '<#list 1..2147483647 as i><#assign x = i></#list>', [:])

        then:
        def e = thrown(TemplateException)
        e.message == 'h.ftl: rendering took longer than 3s; stopped'
        !Thread.currentThread().isInterrupted()
        Thread.allStackTraces.findAll { thread, frames ->
            frames.any { it.className.startsWith('freemarker.core.') }
        }.isEmpty()
    }

    def "a render that finishes in time leaves its caller not interrupted"() {
        expect:
        render('h.ftl', '<#list 1..1000 as i><#assign x = i></#list>${x}', [:]).text() == '1000'
        !Thread.currentThread().isInterrupted()
    }

    private Rendered render(String name, String body, Map vars) {
        templates.session().renderString(name, body, specs, vars)
    }

    private Object parse(String name, String body, Map vars) {
        Json.mapper().convertValue(SpecDocuments.parse(name, render(name, body, vars).text()), Object)
    }

    private static boolean oneLine(Exception e) {
        !e.message.contains('\n') && !e.message.contains('\tat ')
    }
}
