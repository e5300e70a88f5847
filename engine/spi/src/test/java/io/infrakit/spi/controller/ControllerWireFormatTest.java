package io.infrakit.spi.controller;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** InfraKit's types.Spec and types.Object as Go encodes them: lower-case keys, the state beside the spec's keys. */
class ControllerWireFormatTest {

    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void anObjectIsItsSpecsKeysPlusTheState() throws Exception {
        String wire = "{\"kind\":\"group\",\"version\":\"Group/0.1.1\","
                + "\"metadata\":{\"id\":\"workers\",\"name\":\"group/workers\",\"tags\":{\"tier\":\"web\"}},"
                + "\"properties\":{\"Allocation\":{\"Size\":2}},"
                + "\"state\":{\"Instances\":[],\"Converged\":true}}";

        ManagedObject object = Json.mapper().readValue(wire, ManagedObject.class);

        assertThat(object.spec().kind()).isEqualTo("group");
        assertThat(object.spec().metadata()).isEqualTo(new Metadata("workers", "group/workers", Map.of("tier", "web")));
        assertThat(object.spec().properties()).isEqualTo(Any.parse("{\"Allocation\":{\"Size\":2}}"));
        assertThat(object.state()).isEqualTo(Any.parse("{\"Instances\":[],\"Converged\":true}"));
        assertThat(json(Json.write(object))).isEqualTo(json(wire));
    }

    @Test
    void emptyIdentityOptionsTemplateDependsAndStateAreLeftOut() throws Exception {
        ManagedObject object = new ManagedObject(ObjectSpec.of("group", "Group/0.1.1", Metadata.named("workers"),
                Any.empty()), Any.empty());

        assertThat(json(Json.write(object))).isEqualTo(json("{\"kind\":\"group\",\"version\":\"Group/0.1.1\","
                + "\"metadata\":{\"name\":\"workers\",\"tags\":{}},\"properties\":null}"));
    }

    @Test
    void templateOptionsAndDependsTravel() throws Exception {
        String wire = "{\"kind\":\"ingress\",\"version\":\"Controller/0.1.1\",\"metadata\":{\"name\":\"lb1\",\"tags\":null},"
                + "\"template\":\"https://example.com/lb.ikt\",\"properties\":{},\"options\":{\"SyncInterval\":\"5s\"},"
                + "\"depends\":[{\"kind\":\"group\",\"name\":\"workers\",\"bind\":{\"backends\":\"Instances\"}}]}";

        ObjectSpec spec = Json.mapper().readValue(wire, ObjectSpec.class);

        assertThat(spec.template()).isEqualTo("https://example.com/lb.ikt");
        assertThat(spec.options()).isEqualTo(Any.parse("{\"SyncInterval\":\"5s\"}"));
        assertThat(spec.depends()).containsExactly(new Dependency("group", "workers", Map.of("backends", "Instances")));
        assertThat(spec.metadata().tags()).isEmpty();
        assertThat(Json.mapper().readValue(Json.write(spec), ObjectSpec.class)).isEqualTo(spec);
    }

    @Test
    void operationsArePlanIntsAndPlansCarryMessages() {
        assertThat(Json.write(Operation.ENFORCE)).isEqualTo("0");
        assertThat(Json.write(Operation.DESTROY)).isEqualTo("1");
        assertThat(Operation.fromWire(1)).isEqualTo(Operation.DESTROY);
        assertThatThrownBy(() -> Operation.fromWire(2)).hasMessageContaining("unknown operation 2");
        assertThat(Json.write(Plan.of("Managing 3 instances"))).isEqualTo("{\"Message\":[\"Managing 3 instances\"]}");
        assertThat(new Plan(null).messages()).isEmpty();
    }

    @Test
    void theEmptySearchMatchesEverything() {
        assertThat(Metadata.ANY.isAny()).isTrue();
        assertThat(Metadata.named("workers").isAny()).isFalse();
        assertThat(new Metadata(null, null, null)).isEqualTo(Metadata.ANY);
        assertThat(List.of(Metadata.named("a").withId("b").id())).containsExactly("b");
    }
}
