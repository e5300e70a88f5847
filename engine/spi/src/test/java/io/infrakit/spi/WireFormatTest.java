package io.infrakit.spi;

import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireFormatTest {

    @Test
    void instanceSpecUsesInfrakitKeys() throws Exception {
        String json = "{\"Properties\":{\"Note\":\"x\"},\"Tags\":{\"tier\":\"web\"},\"Init\":\"echo hi\","
                + "\"LogicalID\":\"10.0.0.1\",\"Attachments\":[{\"ID\":\"vol-1\",\"Type\":\"ebs\"}]}";

        InstanceSpec spec = Json.mapper().readValue(json, InstanceSpec.class);

        assertThat(spec.properties()).isEqualTo(Any.parse("{\"Note\":\"x\"}"));
        assertThat(spec.tags()).containsEntry("tier", "web");
        assertThat(spec.logicalId()).isEqualTo(LogicalId.of("10.0.0.1"));
        assertThat(spec.attachments()).singleElement().satisfies(a -> assertThat(a.type()).isEqualTo("ebs"));
        assertThat(Json.mapper().readTree(Json.write(spec))).isEqualTo(Json.mapper().readTree(json));
    }

    @Test
    void descriptionOmitsEmptyPropertiesAndKeepsIdsAsStrings() {
        InstanceDescription description =
                new InstanceDescription(InstanceId.of("i-1"), null, Map.of("a", "b"), Any.empty());

        assertThat(Json.write(description)).isEqualTo("{\"ID\":\"i-1\",\"LogicalID\":null,\"Tags\":{\"a\":\"b\"}}");
    }

    @Test
    void healthAndReasonTravelAsInfrakitValues() {
        assertThat(Json.write(Health.UNHEALTHY)).isEqualTo("2");
        assertThat(Json.write(DestroyReason.ROLLING_UPDATE)).isEqualTo("\"rolling_update\"");
        assertThat(DestroyReason.fromWire("termination")).isEqualTo(DestroyReason.TERMINATE);
    }

    @Test
    void canonicalJsonIgnoresKeyOrder() {
        assertThat(Any.parse("{\"b\":1,\"a\":{\"d\":2,\"c\":3}}").canonicalJson())
                .isEqualTo(Any.parse("{\"a\":{\"c\":3,\"d\":2},\"b\":1}").canonicalJson())
                .isEqualTo("{\"a\":{\"c\":3,\"d\":2},\"b\":1}");
    }

    @Test
    void anyIsACopyThatCallersCannotChange() {
        Any any = Any.parse("{\"a\":1}");
        ((com.fasterxml.jackson.databind.node.ObjectNode) any.node()).put("a", 2);

        assertThat(any.toString()).isEqualTo("{\"a\":1}");
    }

    @Test
    void groupSpecRoundTrips() throws Exception {
        GroupSpec spec = Json.mapper().readValue("{\"ID\":\"workers\",\"Properties\":{\"x\":[1]}}", GroupSpec.class);

        assertThat(spec.id().value()).isEqualTo("workers");
        assertThat(spec.properties().toString()).isEqualTo("{\"x\":[1]}");
    }

    @Test
    void pluginNamesSplitLookupAndType() {
        assertThat(PluginName.parse("aws/ec2-instance").lookup()).isEqualTo("aws");
        assertThat(PluginName.parse("aws/ec2-instance").type()).isEqualTo("ec2-instance");
        assertThat(PluginName.parse("simulator").hasType()).isFalse();
        assertThatThrownBy(() -> PluginName.parse("../x")).hasMessageContaining("invalid plugin name");
    }

    @Test
    void interfaceSpecsParseTheirEncodedForm() {
        assertThat(InterfaceSpec.parse("Instance/0.6.1")).isEqualTo(new InterfaceSpec("Instance", "0.6.1"));
        assertThatThrownBy(() -> InterfaceSpec.parse("Instance")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownPluginNamesTheKnownOnes() {
        assertThat(new PluginNotFoundException("x", List.of("a", "b", "c")).getMessage())
                .isEqualTo("unknown plugin 'x'; known: a, b, c");
    }
}
