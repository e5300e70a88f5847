package io.infrakit.engine.group.spec

import io.infrakit.spi.Any
import spock.lang.Specification

/** InfraKit scenario 40 (docs/scenarios.md): the config hash. */
class ConfigHashSpec extends Specification {

    static String hash(String json) {
        GroupPropertiesParser.parse(Any.parse(json)).configHash()
    }

    static final String BASE = '{"Allocation":{"Size":1},"Instance":{"Plugin":"fake","Properties":{"a":1,"b":{"x":[1,2],"y":"z"}}},"Flavor":{"Plugin":"test","Properties":{"Init":"i"}}}'

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

    def "the hash is lower-case letters and digits only"() {
        expect:
        hash(BASE) ==~ /[a-z0-9]+/
        hash(BASE).length() == 32
    }
}
