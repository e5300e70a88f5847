package io.infrakit.common

import io.infrakit.spi.InvalidSpecException
import io.infrakit.spi.Json
import io.infrakit.spi.group.GroupSpec
import io.infrakit.spi.instance.InstanceSpec
import spock.lang.Specification

import java.time.Duration

/**
 * YAML that Jackson would store as something other than what was written (docs/security.md): an alias read as the
 * string of its name, a merge key read as a key named "<<". Each is refused with one line naming file:line:column,
 * so nothing is stored; the billion laughs fails before anything is expanded.
 */
class SpecYamlHostileSpec extends Specification {

    static final String BILLION_LAUGHS = '''\
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        '''.stripIndent()

    def "refused with one line: #description"() {
        when:
        long start = System.nanoTime()
        SpecText.read('g.yml', yaml, GroupSpec)

        then:
        def e = thrown(InvalidSpecException)
        e.message == message
        !e.message.contains('\n')
        Duration.ofNanos(System.nanoTime() - start) < Duration.ofSeconds(2)

        where:
        description                 | yaml                                                                          || message
        'an alias as a value'       | 'ID: web\nProperties:\n  Note: &n hello\n  Copy: *n\n'                        || 'g.yml:4:9: YAML aliases (*n) are not supported; write the value out'
        'an alias as a key'         | 'ID: web\nProperties:\n  x: &k key\n  *k : v\n'                              || 'g.yml:4:3: YAML aliases (*k) are not supported; write the value out'
        'a merge key'               | 'ID: web\nb: &b {x: 1}\nProperties:\n  <<: *b\n'                            || 'g.yml:4:3: YAML merge keys (<<) are not supported; write the keys out'
        'a merge key without alias' | 'ID: web\nProperties:\n  <<: {x: 1}\n'                                       || 'g.yml:3:3: YAML merge keys (<<) are not supported; write the keys out'
        'a merge key in flow style' | 'ID: web\nProperties: {<<: {x: 1}}\n'                                        || 'g.yml:2:14: YAML merge keys (<<) are not supported; write the keys out'
        'an alias in a list'        | 'ID: web\nProperties:\n  L: [&x 1, *x]\n'                                    || 'g.yml:3:13: YAML aliases (*x) are not supported; write the value out'
        'the billion laughs'        | BILLION_LAUGHS                                                                || 'g.yml:2:8: YAML aliases (*a) are not supported; write the value out'
    }

    def "what was written is stored: #description"() {
        when:
        // An instance's Properties are its plugin's own: any field may be there.
        InstanceSpec spec = SpecText.read('i.yml', yaml, InstanceSpec)

        then:
        Json.canonical(spec.properties()) == stored

        where:
        description                     | yaml                                    || stored
        'an anchor alone changes nothing' | 'Properties:\n  Note: &n hello\n'     || '{"Note":"hello"}'
        'a quoted "<<" is an ordinary key' | 'Properties:\n  "<<": x\n'          || '{"<<":"x"}'
        '"<<" as a value is a string'   | 'Properties:\n  Op: <<\n'               || '{"Op":"<<"}'
        'a "*" inside a string'         | 'Properties:\n  Glob: "*.txt"\n'        || '{"Glob":"*.txt"}'
    }

    def "a syntax error is still reported by the YAML reader, as before"() {
        when:
        SpecText.read('g.yml', 'ID: web\nProperties: [\n', GroupSpec)

        then:
        def e = thrown(InvalidSpecException)
        e.message.startsWith('g.yml:2:14: while parsing a flow node')
    }
}
