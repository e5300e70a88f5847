package io.infrakit.engine.group.spec

import io.infrakit.spi.Any
import io.infrakit.testkit.wire.GoWireCaptures
import spock.lang.Specification

import java.nio.charset.StandardCharsets

/**
 * InfraKit scenario 40 (docs/scenarios.md): the config hash, which is InfraKit's own, byte for byte (docs/groups.md).
 * The expected texts under go-json/ are written by hand from the rules of Go's encoding/json; the tricky lines:
 * <ul>
 *   <li>numbers: every number went through a float64. {@code 1e21} is at the exponent threshold, so {@code 1e+21}
 *   (strconv pads the exponent to two digits); {@code 1e-7} is below 1e-6, so exponent form, and encoding/json
 *   strips strconv's {@code e-07} pad to {@code e-7}; {@code 0.000001} is exactly 1e-6, so still plain;
 *   {@code 1e20} is below 1e21, so 21 plain digits; {@code 9007199254740993} (2^53 + 1) rounds to the even
 *   2^53; {@code 12345678901234567890} becomes 12345678901234567168, whose shortest digits are padded with zeros;
 *   {@code -0.0} keeps its sign; {@code 1.0} is {@code 1}; {@code -2.5E-10} is {@code -2.5e-10}.</li>
 *   <li>strings: {@code < > &} are {@code \u003c \u003e \u0026} (HTML escaping is on); U+2028 and U+2029 are
 *   escaped whether the input had them raw or escaped; {@code \b} and {@code \f} are {@code \u0008} and
 *   {@code \u000c} (Go writes only {@code \n \r \t} short); other control characters are {@code \u00XX} in
 *   lower-case hex; DEL and all non-ASCII stay raw UTF-8; keys sort by UTF-8 bytes, so U+FF61 comes before
 *   U+1F600 (in UTF-16 order it would come after).</li>
 *   <li>empties: {@code {}} and {@code []} stay on one line; null values are kept inside Properties; a section
 *   without Properties still has {@code "Properties": null} (the section's fields have no omitempty).</li>
 * </ul>
 */
class ConfigHashSpec extends Specification {

    static String hash(String json) {
        GroupPropertiesParser.parse(Any.parse(json)).configHash()
    }

    static String resource(String name) {
        ConfigHashSpec.getResourceAsStream(name).withCloseable { new String(it.readAllBytes(), StandardCharsets.UTF_8) }
    }

    /** The spec the Go CLI committed for InfraKit's cattle.json, as captured on the wire. */
    static Any committedCattle() {
        def commit = GoWireCaptures.select(GoWireCaptures.cliToGo(), 'mystack', 'Group.CommitGroup')
                .find { it.request().path('params').path('Spec').path('ID').asText() == 'cattle' }
        Any.of(commit.request().path('params').path('Spec').path('Properties'))
    }

    static final String BASE = '{"Allocation":{"Size":1},"Instance":{"Plugin":"fake","Properties":{"a":1,"b":{"x":[1,2],"y":"z"}}},"Flavor":{"Plugin":"test","Properties":{"Init":"i"}}}'

    def "InfraKit's cattle.json, as the Go CLI committed it, hashes as InfraKit (Go) tagged its instances"() {
        given:
        def cattle = GroupPropertiesParser.parse(committedCattle())

        expect:
        cattle.configHash() == 'x4nrsdaibscmj7awpkxzx5vvpt6pilw2'
        ConfigHash.stableFormat(cattle.instance()) == '''{
    "Plugin": "instance-file",
    "Properties": {
      "Note": "Instance properties version 1.0"
    }
  }'''
    }

    def "the Go group controller's own groups hash as it tagged them: #note"() {
        given: 'the sections as the Go controller passed them to Flavor.Prepare and Instance.Provision'
        def spec = '{"Allocation":{"Size":2},"Instance":{"Plugin":"px-instance-file","Properties":{"Note":"' + note +
                '"}},"Flavor":{"Plugin":"px-flavor-vanilla","Properties":{"Init":["echo hello"],' +
                '"Tags":{"tier":"web"},"Attachments":[{"ID":"a1","Type":"disk"}]}}}'
        def captured = GoWireCaptures.select(GoWireCaptures.managerToPlugins(), 'px-instance-file', 'Instance.Provision')
                .collect { it.request().path('params').path('Spec') }
                .find { it.path('Properties').path('Note').asText() == note }

        expect:
        captured.path('Tags').path('infrakit.config.hash').asText() == goHash
        hash(spec) == goHash

        where:
        note | goHash
        'v1' | 'oegwklj777f7uehvtqrq2fjjqit7me4v'
        'v2' | 'njqg7gad4qx2jnupoqdxds5dlboxg7oz'
    }

    def "Go's encoder, case #name: exact text of each section, and the hash"() {
        given:
        def properties = GroupPropertiesParser.parse(Any.parse(resource('go-json/' + name + '.json')))

        expect:
        ConfigHash.stableFormat(properties.instance()) == resource('go-json/' + name + '.instance.txt')
        ConfigHash.stableFormat(properties.flavor()) == resource('go-json/' + name + '.flavor.txt')
        properties.configHash() == expected

        where:
        name      | expected
        'numbers' | 'oin5yq5uisqlwxb3opwx444q6oxej4ab'
        'strings' | 'jftiyoi77olpnn2qsjnx5agmjk43yz3o'
        'empties' | 'l5omp3x3qqngfba3buljadi7wh6yehtg'
    }

    def "a float64 as Go writes it: #input"() {
        expect:
        GoFloat.format(input) == text

        where:
        input                   | text
        0d                      | '0'
        -0d                     | '-0'
        100d                    | '100'
        0.1d                    | '0.1'
        1d / 3                  | '0.3333333333333333'
        1e-6d                   | '0.000001'
        9.99e-7d                | '9.99e-7'
        1.5e-10d                | '1.5e-10'
        1e20d                   | '100000000000000000000'
        1e21d                   | '1e+21'
        1.7976931348623157e308d | '1.7976931348623157e+308'
        4.9e-324d               | '5e-324'
        // JDK 17's Double.toString prints 2.82879384806159008E17 here; Go prints the shortest round trip:
        2.82879384806159e17d    | '282879384806159000'
        5e-324d * 3             | '1.5e-323'
    }

    def "the hash is stable: every spec of the golden list still hashes as it did"() {
        // Changing a line of config-hash-golden.tsv, or the code so that one fails, rolls every group of every
        // user on upgrade: members whose tag no longer matches are replaced.
        given:
        def lines = resource('config-hash-golden.tsv').readLines().findAll { it && !it.startsWith('#') }

        expect:
        lines.size() >= 5
        lines.each { line ->
            def (golden, spec) = line.split('\t', 2)
            assert hash(spec) == golden: spec
        }
    }

    def "the same content with keys in another order gives the same hash"() {
        expect:
        hash(BASE) == hash('{"Flavor":{"Properties":{"Init":"i"},"Plugin":"test"},"Instance":{"Properties":{"b":{"y":"z","x":[1,2]},"a":1},"Plugin":"fake"},"Allocation":{"Size":1}}')
    }

    def "changed content gives another hash: #change"() {
        expect:
        hash(BASE) != hash(changed)

        where:
        change                 | changed
        'instance property'    | BASE.replace('"a":1', '"a":2')
        'flavor property'      | BASE.replace('"Init":"i"', '"Init":"j"')
        'plugin name'          | BASE.replace('"Plugin":"fake"', '"Plugin":"other"')
        'list order'           | BASE.replace('[1,2]', '[2,1]')
    }

    def "allocation and updating changes do not change it: #change"() {
        expect:
        hash(BASE) == hash(changed)

        where:
        change       | changed
        'size'       | BASE.replace('"Size":1', '"Size":5')
        'updating'   | BASE.replace('{"Allocation"', '{"Updating":{"Count":3,"MaxSurge":"50%"},"Allocation"')
    }

    def "the same number written another way gives the same hash, as in Go: #written"() {
        expect:
        hash(BASE) == hash(BASE.replace('"a":1', '"a":' + written))

        where:
        written << ['1.0', '1e0', '10E-1', '1.000000000000000000001']
    }

    def "the hash is lower-case base32: 32 characters of [a-z2-7]"() {
        expect:
        hash(BASE) ==~ /[a-z2-7]{32}/
    }
}
