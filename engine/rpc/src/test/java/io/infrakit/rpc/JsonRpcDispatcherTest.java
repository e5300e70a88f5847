package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.flavor.Health;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol without a socket: request bytes in, answer bytes out. */
class JsonRpcDispatcherTest {

    private final PluginProtocol protocol =
            PluginProtocol.of("sim", PluginObjects.instance(new FakeInstancePlugin("i-")));

    @Test
    void anAnswerEchoesTheRequestId() throws Exception {
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Validate\",\"params\":{},\"id\":\"abc\"}"))
                .isEqualTo(json("{\"jsonrpc\":\"2.0\",\"result\":{\"Type\":\"\",\"OK\":true},\"id\":\"abc\"}"));
    }

    @Test
    void missingParamsMeanAnEmptyObject() throws Exception {
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"Instance.DescribeInstances\",\"id\":1}").path("result"))
                .isEqualTo(json("{\"Type\":\"\",\"Descriptions\":[]}"));
    }

    @Test
    void garbageAndTrailingGarbageAreParseErrors() throws Exception {
        assertThat(call("").path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(call("nope").path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Validate\",\"id\":1} trailing")
                .path("error").path("code").asInt()).isEqualTo(-32700);
    }

    @Test
    void aMethodThatIsNotAStringIsAnInvalidRequest() throws Exception {
        JsonNode answer = call("{\"jsonrpc\":\"2.0\",\"method\":7,\"id\":1}");

        assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(answer.path("error").path("message").asText()).isEqualTo("invalid request: method must be a string");
    }

    @Test
    void interfacesThePluginDoesNotImplementAreUnknownMethodsAnsweredAsInfrakitDoes() throws Exception {
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"Group.Size\",\"params\":{\"ID\":\"g\"},\"id\":1}")
                .path("error")).isEqualTo(json("{\"code\":-32000,"
                + "\"message\":\"rpc: can't find method \\\"Group.Size\\\"\",\"data\":null}"));
    }

    @Test
    void pluginNotFoundCarriesTheNamesForOurClient() throws Exception {
        FlavorPlugin combo = new FlavorPlugin() {
            @Override
            public void validate(Any properties, Allocation allocation) {
                throw new PluginNotFoundException("vanilla", List.of("combo"));
            }

            @Override
            public InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
                return spec;
            }

            @Override
            public Health healthy(Any properties, InstanceDescription instance) {
                return Health.UNKNOWN;
            }

            @Override
            public void drain(Any properties, InstanceDescription instance) {
            }
        };
        PluginProtocol flavors = PluginProtocol.of("combo", PluginObjects.flavor(combo));

        JsonNode answer = json(new String(flavors.dispatch(
                "{\"jsonrpc\":\"2.0\",\"method\":\"Flavor.Validate\",\"params\":{},\"id\":1}"
                        .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));

        assertThat(answer.path("error")).isEqualTo(json("{\"code\":-32000,"
                + "\"message\":\"unknown plugin 'vanilla'; known: combo\","
                + "\"data\":{\"Kind\":\"PluginNotFound\",\"Name\":\"vanilla\",\"Known\":[\"combo\"]}}"));
    }

    @Test
    void theApiDocumentHasNoVendorWhenThePluginNamesNone() throws Exception {
        PluginProtocol anonymous = PluginProtocol.of("group", PluginObjects.group(new FakeGroupPlugin()));

        JsonNode api = Json.mapper().valueToTree(anonymous.apiDocument());

        assertThat(api.path("Vendor").isNull()).isTrue();
        assertThat(api.path("Implements")).isEqualTo(json("[{\"Name\":\"Group\",\"Version\":\"0.1.1\"}]"));
        assertThat(api.path("Interfaces").get(0).path("Methods").findValuesAsText("method")).containsExactly(
                "Group.CommitGroup", "Group.FreeGroup", "Group.DescribeGroup", "Group.DestroyGroup",
                "Group.InspectGroups", "Group.DestroyInstances", "Group.Size", "Group.SetSize");
    }

    private JsonNode call(String request) throws Exception {
        return json(new String(protocol.dispatch(request.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }
}
