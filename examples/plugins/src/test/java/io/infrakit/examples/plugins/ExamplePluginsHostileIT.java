package io.infrakit.examples.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.examples.plugins.ExamplePlugin.Language;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.testkit.wire.RawUnixHttp;
import io.infrakit.testkit.wire.RawUnixHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that are not good calls, sent byte for byte to each example plugin: each gets the JSON-RPC error or HTTP
 * status docs/protocol.md names, the plugin serves on, logs no stack trace, and its instances are unchanged.
 */
class ExamplePluginsHostileIT {

    private Path root;
    private ExamplePlugin plugin;

    @AfterEach
    void stop() {
        try {
            if (plugin != null) {
                plugin.close();
            }
        } finally {
            ExamplePlugin.deleteTree(root);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void badRequestsGetTheDocumentedErrorsAndChangeNothing(Language language) throws IOException {
        root = ExamplePlugin.shortTempDirectory("ik-exh");
        plugin = ExamplePlugin.start(language, "hostile", root.resolve("plugins"), root.resolve("instances"));
        plugin.remote().provision(InstanceSpec.of(Any.parse("{\"image\": \"alpine\"}"), Map.of("group", "web")));
        List<InstanceDescription> before = plugin.remote().describeInstances(Map.of(), true);
        Path outside = Files.writeString(root.resolve("instance-outside"), "{}");

        assertRpcError(post("not json {"), -32700, "parse error", null);
        assertRpcError(post("[1, 2]"), -32600, "invalid request: expected one JSON object", null);
        assertRpcError(post("{\"method\": \"Instance.Provision\", \"params\": {}, \"id\": 3}"),
                -32600, "jsonrpc must be \"2.0\"", 3);
        assertRpcError(post("{\"jsonrpc\": \"2.0\", \"method\": 42, \"id\": 4}"), -32600, "method must be a string", 4);
        assertRpcError(post("{\"jsonrpc\": \"2.0\", \"method\": \"Instance.Explode\", \"params\": {}, \"id\": 5}"),
                -32000, "rpc: can't find method \"Instance.Explode\"", 5);
        assertRpcError(post("{\"jsonrpc\": \"2.0\", \"method\": \"Instance.Provision\", \"params\": \"x\", \"id\": 6}"),
                -32602, "invalid params: expected one JSON object", 6);
        assertRpcError(post("{\"jsonrpc\": \"2.0\", \"method\": \"Instance.Label\", \"params\": {\"Labels\": {}}, \"id\": 7}"),
                -32602, "Instance", 7);
        assertRpcError(post("{\"jsonrpc\": \"2.0\", \"method\": \"Instance.DescribeInstances\","
                + " \"params\": {\"Tags\": [1]}, \"id\": 8}"), -32602, "Tags", 8);
        assertRpcError(post("[".repeat(100_000)), -32700, "parse error", null);

        JsonNode pathAsId = post("{\"jsonrpc\": \"2.0\", \"method\": \"Instance.Destroy\","
                + " \"params\": {\"Instance\": \"../instance-outside\"}, \"id\": 9}");
        assertRpcError(pathAsId, -32000, "instance ../instance-outside not found", 9);
        assertThat(pathAsId.at("/error/data/Kind").asText()).isEqualTo("InstanceNotFound");
        assertThat(outside).as("a destroy names an instance, never a path").exists();

        Answer text = RawUnixHttp.post(plugin.socket(), "text/plain", "{}");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.body()).startsWith("rpc: unrecognized Content-Type: text/plain (send application/json)");
        Answer put = RawUnixHttp.send(plugin.socket(), "PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.headers()).containsEntry("allow", "GET, POST");
        assertThat(RawUnixHttp.get(plugin.socket(), "/etc/passwd").status()).isEqualTo(404);
        assertThat(RawUnixHttp.send(plugin.socket(), "hello\r\n\r\n").status()).isEqualTo(400);

        assertThat(plugin.process().isAlive()).isTrue();
        assertThat(plugin.client().hello()).isNotEmpty();
        assertThat(plugin.remote().describeInstances(Map.of(), true)).isEqualTo(before);
        assertThat(plugin.log()).doesNotContain("Traceback").doesNotContain(" line ");
    }

    private JsonNode post(String body) throws IOException {
        Answer answer = RawUnixHttp.post(plugin.socket(), body);
        assertThat(answer.status()).as("HTTP status of %s", body.length() > 40 ? body.substring(0, 40) : body)
                .isEqualTo(200);
        return answer.json();
    }

    private static void assertRpcError(JsonNode answer, int code, String messageFragment, Integer id) {
        assertThat(answer.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(answer.has("result")).as("no result beside an error: %s", answer).isFalse();
        assertThat(answer.at("/error/code").asInt()).as("code of %s", answer).isEqualTo(code);
        assertThat(answer.at("/error/message").asText()).as("message of %s", answer).contains(messageFragment)
                .doesNotContain("\n");
        if (id == null) {
            assertThat(answer.get("id").isNull()).as("id of %s", answer).isTrue();
        } else {
            assertThat(answer.get("id").asInt()).as("id of %s", answer).isEqualTo(id);
        }
        if (code != -32000 || messageFragment.startsWith("rpc:")) {
            assertThat(answer.at("/error/data").isNull()).as("data of %s", answer).isTrue();
        }
    }
}
