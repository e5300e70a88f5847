package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.wire.RawUnixHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests written exactly as InfraKit's Go clients send them, as raw HTTP/1.1 bytes on the unix socket,
 * and the documented shapes of the answers.
 */
class GoWireCompatibilityIT {

    @TempDir
    Path directory;

    private final FakeInstancePlugin instances = new FakeInstancePlugin("i-");
    private final FakeInstancePlugin compute = new FakeInstancePlugin("compute-");
    private final FakeGroupPlugin workers = new FakeGroupPlugin();
    private PluginServer server;

    @BeforeEach
    void serve() {
        server = PluginServer.start(directory.resolve("sim"), new PluginObjects(
                Map.of("", instances, "compute", compute),
                Map.of("", new FakeFlavorPlugin()),
                Map.of("workers", workers)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void provisionAnswersTheTypeAndTheNewId() throws Exception {
        RawUnixHttp.Answer answer = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Provision\","
                + "\"params\":{\"Type\":\"\",\"Spec\":{\"Properties\":{\"Note\":\"hi\"},\"Tags\":{\"tier\":\"web\"},"
                + "\"Init\":\"\",\"LogicalID\":null,\"Attachments\":null}},\"id\":1}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(answer.json()).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"result\":{\"Type\":\"\",\"ID\":\"i-1\"},\"id\":1}"));
        assertThat(instances.provisionedSpec(InstanceId.of("i-1")))
                .contains(InstanceSpec.of(Any.parse("{\"Note\":\"hi\"}"), Map.of("tier", "web")));
    }

    @Test
    void describeInstancesAnswersDescriptionsWithInfrakitKeys() throws Exception {
        instances.provision(InstanceSpec.of(Any.parse("{\"Note\":\"hi\"}"), Map.of("tier", "web")));
        instances.provision(InstanceSpec.of(Any.empty(), Map.of("tier", "db")));

        RawUnixHttp.Answer answer = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\","
                + "\"method\":\"Instance.DescribeInstances\",\"params\":{\"Type\":\"\",\"Tags\":{\"tier\":\"web\"},"
                + "\"Properties\":false},\"id\":2}");

        assertThat(answer.json()).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"result\":{\"Type\":\"\",\"Descriptions\":"
                + "[{\"ID\":\"i-1\",\"LogicalID\":null,\"Tags\":{\"tier\":\"web\"}}]},\"id\":2}"));
    }

    @Test
    void handshakeListsEachInterfaceWithItsObjects() throws Exception {
        RawUnixHttp.Answer answer = RawUnixHttp.post(server.socket(),
                "{\"jsonrpc\":\"2.0\",\"method\":\"Handshake.Hello\",\"params\":{},\"id\":3}");

        assertThat(answer.json()).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"result\":{\"Objects\":{"
                + "\"Flavor/0.1.1\":[{\"Name\":\".\",\"ProxyFor\":\"\"}],"
                + "\"Group/0.1.1\":[{\"Name\":\"workers\",\"ProxyFor\":\"\"}],"
                + "\"Instance/0.6.1\":[{\"Name\":\".\",\"ProxyFor\":\"\"},{\"Name\":\"compute\",\"ProxyFor\":\"\"}]"
                + "}},\"id\":3}"));
    }

    @Test
    void pluginErrorsAreCode32000WithThePlainMessage() throws Exception {
        RawUnixHttp.Answer answer = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Destroy\","
                + "\"params\":{\"Type\":\"\",\"Instance\":\"i-404\",\"Context\":{\"Reason\":\"terminate\"}},\"id\":4}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,"
                + "\"message\":\"instance i-404 not found\",\"data\":{\"Kind\":\"InstanceNotFound\",\"ID\":\"i-404\"}},"
                + "\"id\":4}"));
    }

    @Test
    void invalidSpecErrorsCarryTheirKind() throws Exception {
        JsonNode answer = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Validate\","
                + "\"params\":{\"Type\":\"\",\"Properties\":{\"Bad\":1}},\"id\":\"seven\"}").json();

        assertThat(answer.path("error")).isEqualTo(json("{\"code\":-32000,"
                + "\"message\":\"Properties.Bad: not allowed here\",\"data\":{\"Kind\":\"InvalidSpec\"}}"));
        assertThat(answer.path("id").asText()).isEqualTo("seven");
    }

    @Test
    void theTypeRoutesToTheTypedObjectAndAnUnknownTypeIsNoPlugin() throws Exception {
        JsonNode typed = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Provision\","
                + "\"params\":{\"Type\":\"compute\",\"Spec\":{\"Properties\":null,\"Tags\":null,\"Init\":\"\","
                + "\"LogicalID\":null,\"Attachments\":null}},\"id\":5}").json();
        JsonNode unknown = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Validate\","
                + "\"params\":{\"Type\":\"disk\",\"Properties\":null},\"id\":6}").json();

        assertThat(typed.path("result")).isEqualTo(json("{\"Type\":\"compute\",\"ID\":\"compute-1\"}"));
        assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-32000);
        assertThat(unknown.path("error").path("message").asText()).isEqualTo("no-plugin:disk");
    }

    @Test
    void groupCallsAreRoutedByTheTypeOfTheirName() throws Exception {
        JsonNode commit = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Group.CommitGroup\","
                + "\"params\":{\"Name\":\"sim/workers\",\"Spec\":{\"ID\":\"blue\",\"Properties\":{\"Allocation\":"
                + "{\"Size\":2}}},\"Pretend\":false},\"id\":7}").json();
        JsonNode size = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Group.Size\","
                + "\"params\":{\"Name\":\"sim\",\"ID\":\"blue\"},\"id\":8}").json();
        JsonNode unknown = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Group.Size\","
                + "\"params\":{\"Name\":\"sim/cattle\",\"ID\":\"blue\"},\"id\":9}").json();

        assertThat(commit).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"result\":{\"Name\":\"sim/workers\",\"ID\":\"blue\","
                + "\"Details\":\"Committed blue: Managing 2 instances\"},\"id\":7}"));
        // With no type and a single group object, that object answers.
        assertThat(size.path("result")).isEqualTo(json("{\"Name\":\"sim\",\"ID\":\"blue\",\"Size\":2}"));
        assertThat(unknown.path("error").path("message").asText()).isEqualTo("no-plugin:cattle");
    }

    @Test
    void flavorHealthTravelsAsAnInteger() throws Exception {
        JsonNode answer = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Flavor.Healthy\","
                + "\"params\":{\"Type\":\"\",\"Properties\":null,\"Instance\":{\"ID\":\"i-1\",\"LogicalID\":null,"
                + "\"Tags\":{\"health\":\"unhealthy\"}}},\"id\":10}").json();

        assertThat(answer.path("result")).isEqualTo(json("{\"Type\":\"\",\"Health\":2}"));
    }

    @Test
    void paramsWrappedInAOneElementArrayAreAccepted() throws Exception {
        JsonNode answer = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.DescribeInstances\","
                + "\"params\":[{\"Type\":\"\",\"Tags\":{},\"Properties\":true}],\"id\":11}").json();

        assertThat(answer.path("result")).isEqualTo(json("{\"Type\":\"\",\"Descriptions\":[]}"));
    }

    @Test
    void protocolErrorsUseTheStandardCodes() throws Exception {
        JsonNode malformed = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":").json();
        JsonNode notAnObject = RawUnixHttp.post(server.socket(), "[1,2]").json();
        JsonNode noVersion = RawUnixHttp.post(server.socket(),
                "{\"method\":\"Instance.Validate\",\"params\":{},\"id\":12}").json();
        JsonNode unknownMethod = RawUnixHttp.post(server.socket(),
                "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Explode\",\"params\":{},\"id\":13}").json();
        JsonNode badParams = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Label\","
                + "\"params\":{\"Type\":\"\",\"Instance\":{\"no\":\"pe\"},\"Labels\":{}},\"id\":14}").json();
        JsonNode missingInstance = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Label\","
                + "\"params\":{\"Type\":\"\",\"Labels\":{}},\"id\":15}").json();
        JsonNode scalarParams = RawUnixHttp.post(server.socket(),
                "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Validate\",\"params\":42,\"id\":16}").json();

        assertThat(malformed.path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(malformed.path("id").isNull()).isTrue();
        assertThat(notAnObject.path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(noVersion.path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(noVersion.path("id").asInt()).isEqualTo(12);
        assertThat(unknownMethod.path("error")).isEqualTo(json("{\"code\":-32000,"
                + "\"message\":\"rpc: can't find method \\\"Instance.Explode\\\"\",\"data\":null}"));
        assertThat(badParams.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(missingInstance.path("error").path("code").asInt()).isEqualTo(-32602);
        assertThat(missingInstance.path("error").path("message").asText()).isEqualTo("invalid params: missing Instance");
        assertThat(scalarParams.path("error").path("code").asInt()).isEqualTo(-32602);
    }

    @Test
    void apiJsonDescribesTheInterfacesWithExamples() throws Exception {
        RawUnixHttp.Answer answer = RawUnixHttp.get(server.socket(), "/info/api.json");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode api = answer.json();
        assertThat(api.path("Vendor")).isEqualTo(json(
                "{\"Name\":\"fake\",\"Version\":\"1.2.3\",\"URL\":\"https://example.invalid/fake\"}"));
        assertThat(api.path("Implements")).isEqualTo(json("[{\"Name\":\"Instance\",\"Version\":\"0.6.1\"},"
                + "{\"Name\":\"Flavor\",\"Version\":\"0.1.1\"},{\"Name\":\"Group\",\"Version\":\"0.1.1\"}]"));
        JsonNode instance = api.path("Interfaces").get(0);
        assertThat(instance.path("Name").asText()).isEqualTo("Instance");
        List<String> methods = instance.path("Methods").findValuesAsText("method");
        assertThat(methods).containsExactly("Instance.Validate", "Instance.Provision", "Instance.Label",
                "Instance.Destroy", "Instance.DescribeInstances");
        JsonNode validate = instance.path("Methods").get(0);
        assertThat(validate.path("Request")).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"method\":\"Instance.Validate\","
                + "\"params\":{\"Type\":\"\",\"Properties\":{\"Note\":\"example\"}},\"id\":\"1\"}"));
        assertThat(validate.path("Response")).isEqualTo(json("{\"result\":{\"Type\":\"\",\"OK\":true},\"id\":\"1\"}"));
        assertThat(api.path("Interfaces").get(2).path("Methods")).hasSize(8);
    }

    @Test
    void functionsJsonListsNoTemplateFunctions() throws Exception {
        RawUnixHttp.Answer answer = RawUnixHttp.get(server.socket(), "/info/functions.json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(answer.json()).isEqualTo(json("{}"));
    }

    @Test
    void aPostThatIsNotJsonIsRefusedWith415AsInfrakitDoes() throws Exception {
        String call = "{\"jsonrpc\":\"2.0\",\"method\":\"Instance.DescribeInstances\",\"params\":{},\"id\":1}";
        RawUnixHttp.Answer plain = RawUnixHttp.post(server.socket(), "text/plain", call);
        RawUnixHttp.Answer none = RawUnixHttp.post(server.socket(), null, call);
        RawUnixHttp.Answer withCharset = RawUnixHttp.post(server.socket(), "Application/JSON; charset=utf-8", call);

        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.body()).isEqualTo("rpc: unrecognized Content-Type: text/plain (send application/json)\n");
        assertThat(none.status()).isEqualTo(415);
        assertThat(withCharset.status()).isEqualTo(200);
        assertThat(withCharset.json().path("result").path("Descriptions").isArray()).isTrue();
    }

    @Test
    void otherHttpRequestsAreRefused() throws Exception {
        assertThat(RawUnixHttp.get(server.socket(), "/nothing").status()).isEqualTo(404);
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }
}
