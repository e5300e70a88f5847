package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.stack.StackPlugin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code Manager.*} on the wire, shaped as InfraKit's Go manager answers them (docs/protocol.md). */
class StackServiceTest {

    private final List<ObjectSpec> enforced = new ArrayList<>();
    private final StackPlugin stack = new StackPlugin() {
        @Override
        public boolean isLeader() {
            return true;
        }

        @Override
        public URI leaderLocation() {
            return URI.create("unix:///home/u/.infrakit/plugins/group");
        }

        @Override
        public void enforce(List<ObjectSpec> specs) {
            enforced.addAll(specs);
        }

        @Override
        public List<ObjectSpec> specs() {
            return List.copyOf(enforced);
        }

        @Override
        public List<ManagedObject> inspect() {
            return enforced.stream().map(spec -> new ManagedObject(spec, Any.parse("{\"Converged\":true}"))).toList();
        }

        @Override
        public void terminate(List<ObjectSpec> specs) {
            enforced.removeAll(specs);
        }
    };
    private final PluginProtocol protocol = PluginProtocol.of("group", new ServedObjects(
            () -> PluginObjects.group(new FakeGroupPlugin()), Map::of, Optional.of(stack)));

    @Test
    void theHandshakeOffersStackWithItsDefaultObject() throws Exception {
        assertThat(call("Handshake.Hello", "{}").path("Objects").path("Stack/0.1.1"))
                .isEqualTo(json("[{\"Name\":\".\",\"ProxyFor\":\"\"}]"));
    }

    @Test
    void leadershipIsAnsweredWithGoShapes() throws Exception {
        assertThat(call("Manager.IsLeader", "{}")).isEqualTo(json("{\"Leader\":true}"));
        assertThat(call("Manager.LeaderLocation", "{}")).isEqualTo(json("{\"Location\":{\"Scheme\":\"unix\","
                + "\"Opaque\":\"\",\"User\":null,\"Host\":\"\",\"Path\":\"/home/u/.infrakit/plugins/group\","
                + "\"RawPath\":\"\",\"OmitHost\":false,\"ForceQuery\":false,\"RawQuery\":\"\",\"Fragment\":\"\","
                + "\"RawFragment\":\"\"}}"));
    }

    @Test
    void specsAndObjectsAreNullWhenThereAreNoneAsGoNilSlices() throws Exception {
        assertThat(call("Manager.Specs", "{}")).isEqualTo(json("{\"Specs\":null}"));
        assertThat(call("Manager.Inspect", "{}")).isEqualTo(json("{\"Objects\":null}"));
    }

    @Test
    void enforcedSpecsComeBackFromSpecsAndInspect() throws Exception {
        String spec = "{\"kind\":\"group\",\"version\":\"Group/0.1.1\",\"metadata\":{\"name\":\"cattle\",\"tags\":{}},"
                + "\"properties\":{\"Allocation\":{\"Size\":2}}}";

        assertThat(call("Manager.Enforce", "{\"Specs\":[" + spec + "]}")).isEqualTo(json("{}"));

        assertThat(enforced).containsExactly(ObjectSpec.of("group", "Group/0.1.1", Metadata.named("cattle"),
                Any.parse("{\"Allocation\":{\"Size\":2}}")));
        assertThat(call("Manager.Specs", "{}")).isEqualTo(json("{\"Specs\":[" + spec + "]}"));
        assertThat(call("Manager.Inspect", "{}").path("Objects").get(0).path("state"))
                .isEqualTo(json("{\"Converged\":true}"));
        assertThat(call("Manager.Terminate", "{\"Specs\":[" + spec + "]}")).isEqualTo(json("{}"));
        assertThat(enforced).isEmpty();
    }

    private JsonNode call(String method, String params) throws Exception {
        String request = "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}";
        JsonNode answer = json(new String(protocol.dispatch(request.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        assertThat(answer.has("error")).as("error in %s", answer).isFalse();
        return answer.path("result");
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }
}
