package io.infrakit.engine.manager;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.plugins.flavor.vanilla.VanillaPluginProvider;
import io.infrakit.plugins.instance.file.FilePluginProvider;
import io.infrakit.spi.Json;
import io.infrakit.testkit.wire.GoExchange;
import io.infrakit.testkit.wire.GoWireCaptures;
import io.infrakit.testkit.wire.RawUnixHttp;
import io.infrakit.testkit.wire.WireShapes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every request the Go CLI sent to InfraKit's manager {@code mystack} and to its {@code instance-file} and
 * {@code flavor-vanilla} plugins (the captures in the testkit), sent again to our manager's {@code group},
 * {@code file} and {@code vanilla} sockets, in the recorded order; each answer must have the recorded one's shape:
 * the same HTTP status, field names, JSON types, null versus absent, and error codes. Values that must differ (IDs,
 * home paths, the socket's name) are not compared. The differences we keep on purpose are listed in
 * docs/from-infrakit.md, "Wire differences we keep on purpose", and below, one rule each.
 */
class GoCliReplayIT {

    private static final Duration CONVERGES_WITHIN = Duration.ofSeconds(60);

    /** On purpose: the stored spec is answered as committed, without the defaults Go's typed decoding fills in. */
    private static final Pattern COMMITTED_VERBATIM = Pattern.compile(
            "result\\.Groups\\[\\d+]\\.Properties\\.(Allocation\\.LogicalIDs|Updating)");
    /** On purpose: an instance spec leaves its empty fields out where Go writes null; Go reads both the same. */
    private static final Pattern EMPTY_SPEC_FIELDS_LEFT_OUT = Pattern.compile(
            "(result\\.Description\\.Instances\\[\\d+]\\.Properties|result\\.Spec)\\.(Properties|LogicalID)");
    /** On purpose: an error's data carries its kind ({"Kind": ...}) for our clients, where Go sends null. */
    private static final Pattern ERROR_KIND = Pattern.compile("error\\.data");

    Path root;
    InfrakitHome home;

    @BeforeEach
    void shortHome() throws IOException {
        root = Files.createTempDirectory(Path.of("/tmp"), "ik-gocli");
        home = InfrakitHome.at(root);
    }

    @AfterEach
    void removeHome() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void theManagerAnswersEveryCapturedGoCliRequestInInfrakitsShape() throws Exception {
        List<String> differences = new ArrayList<>();
        try (Manager manager = start()) {
            Path socket = home.pluginsDir().resolve(PluginSelection.defaultName(PluginSelection.MANAGER_KIND));
            String ourInstance = null;
            for (GoExchange exchange : exchanges("mystack")) {
                String request = rewrite(exchange.request().toString());
                if (exchange.rpcMethod().equals("Group.DestroyInstances")) {
                    request = request.replace(exchange.request().path("params").path("Instances").get(0).asText(),
                            ourInstance);
                }
                if (exchange.rpcMethod().equals("Group.DescribeGroup") && exchange.result().isObject()) {
                    awaitConverged(socket, request);
                }
                RawUnixHttp.Answer answer = RawUnixHttp.post(socket, request);
                if (exchange.rpcMethod().equals("Group.DescribeGroup") && exchange.result().isObject()) {
                    ourInstance = answer.json().path("result").path("Description").path("Instances").get(0)
                            .path("ID").asText();
                }
                differences.addAll(compare(exchange, answer, path -> COMMITTED_VERBATIM.matcher(path).matches()
                        || EMPTY_SPEC_FIELDS_LEFT_OUT.matcher(path).matches()
                        || ERROR_KIND.matcher(path).matches()));
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void theFilePluginAnswersEveryCapturedGoCliRequestInInfrakitsShape() throws Exception {
        List<String> differences = new ArrayList<>();
        try (Manager manager = start()) {
            Path socket = home.pluginsDir().resolve(FilePluginProvider.NAME);
            String ourInstance = null;
            for (GoExchange exchange : exchanges("instance-file")) {
                String request = exchange.request().toString();
                if (exchange.rpcMethod().equals("Instance.Destroy") && ourInstance != null) {
                    request = request.replace(exchange.request().path("params").path("Instance").asText(),
                            ourInstance);
                }
                RawUnixHttp.Answer answer = RawUnixHttp.post(socket, request);
                if (exchange.rpcMethod().equals("Instance.Provision")) {
                    ourInstance = answer.json().path("result").path("ID").asText();
                }
                if (exchange.rpcMethod().equals("Instance.Destroy")) {
                    ourInstance = null;
                }
                differences.addAll(compare(exchange, answer, path -> ERROR_KIND.matcher(path).matches()));
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void theVanillaPluginAnswersEveryCapturedGoCliRequestInInfrakitsShape() throws Exception {
        assertThat(replayUnchanged("flavor-vanilla", VanillaPluginProvider.NAME,
                path -> EMPTY_SPEC_FIELDS_LEFT_OUT.matcher(path).matches())).isEmpty();
    }

    @Test
    void theGroupControllerAnswersEveryCapturedGoCliRequestInInfrakitsShape() throws Exception {
        assertThat(replayUnchanged("group-stateless", GroupControllerProvider.NAME, path -> false)).isEmpty();
    }

    /** Not in the captures (the Go CLI sent none): the shapes are those of InfraKit's pkg/rpc/manager types. */
    @Test
    void managerMethodsAnswerWithInfrakitsShapesOverTheStoredSpecs() throws Exception {
        try (Manager manager = start()) {
            Path socket = home.pluginsDir().resolve(PluginSelection.defaultName(PluginSelection.MANAGER_KIND));
            String cattle = "{\"kind\":\"group\",\"version\":\"Group/0.1.1\",\"metadata\":{\"name\":\"cattle\"},"
                    + "\"properties\":{\"Allocation\":{\"Size\":2},\"Instance\":{\"Plugin\":\"file\"},"
                    + "\"Flavor\":{\"Plugin\":\"vanilla\"}}}";
            String broken = "{\"kind\":\"group\",\"metadata\":{\"name\":\"broken\"},"
                    + "\"properties\":{\"Allocation\":{\"Size\":1},\"Instance\":{\"Plugin\":\"nowhere\"},"
                    + "\"Flavor\":{\"Plugin\":\"vanilla\"}}}";

            assertThat(call(socket, "Manager.IsLeader", "{}")).isEqualTo(json("{\"Leader\":true}"));
            JsonNode location = call(socket, "Manager.LeaderLocation", "{}").path("Location");
            assertThat(location.path("Scheme").asText()).isEqualTo("unix");
            assertThat(location.path("Path").asText()).isEqualTo(socket.toAbsolutePath().toString());
            assertThat(call(socket, "Manager.Specs", "{}")).isEqualTo(json("{\"Specs\":null}"));

            assertThat(call(socket, "Manager.Enforce", "{\"Specs\":[" + cattle + "]}")).isEqualTo(json("{}"));
            JsonNode refused = RawUnixHttp.post(socket, request("Manager.Enforce",
                    "{\"Specs\":[" + cattle.replace("\"Size\":2", "\"Size\":3") + "," + broken + "]}")).json();

            assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32000);
            JsonNode specs = call(socket, "Manager.Specs", "{}").path("Specs");
            assertThat(specs).hasSize(1);
            assertThat(specs.get(0).path("metadata").path("name").asText()).isEqualTo("cattle");
            assertThat(specs.get(0).path("properties").path("Allocation").path("Size").asInt())
                    .as("the refused enforce stored nothing").isEqualTo(2);
            JsonNode objects = call(socket, "Manager.Inspect", "{}").path("Objects");
            assertThat(objects).hasSize(1);
            assertThat(objects.get(0).path("kind").asText()).isEqualTo("group");
            assertThat(objects.get(0).path("state").path("Instances").isArray()).isTrue();
            assertThat(call(socket, "Handshake.Hello", "{}").path("Objects").path("Group/0.1.1")
                    .findValuesAsText("Name")).contains("groups", "cattle");

            assertThat(call(socket, "Manager.Terminate", "{\"Specs\":[" + cattle + "]}")).isEqualTo(json("{}"));
            assertThat(call(socket, "Manager.Specs", "{}")).isEqualTo(json("{\"Specs\":null}"));

            JsonNode commit = RawUnixHttp.post(socket, request("Manager.Commit", "{}")).json();
            assertThat(commit.path("error")).as("no version of InfraKit's manager had Manager.Commit")
                    .isEqualTo(json("{\"code\":-32000,\"message\":\"rpc: can't find method \\\"Manager.Commit\\\"\","
                            + "\"data\":null}"));
        }
    }

    /**
     * Not in the captures (the Go CLI sent none): requests and answers built from InfraKit's pkg/rpc/metadata types
     * (KeysRequest, GetRequest, ChangesRequest, CommitRequest and their responses), as Go's Updatable client sends
     * them to {@code mystack/vars} and {@code mystack/status}; each answer must have the Go answer's shape.
     */
    @Test
    void metadataRequestsInGoShapeAreAnsweredWithGoShapes() throws Exception {
        List<String> differences = new ArrayList<>();
        String proposed;
        String cas;
        try (Manager manager = start()) {
            Path socket = home.pluginsDir().resolve(PluginSelection.defaultName(PluginSelection.MANAGER_KIND));
            differences.addAll(goShaped(socket, "Updatable.Keys", "{\"Name\":\"mystack/vars\",\"Path\":\".\"}",
                    "{\"Name\":\"mystack/vars\",\"Nodes\":[]}"));
            differences.addAll(goShaped(socket, "Updatable.Get",
                    "{\"Name\":\"mystack/vars\",\"Path\":\"db/password\"}",
                    "{\"Name\":\"mystack/vars\",\"Value\":null}"));
            JsonNode changes = RawUnixHttp.post(socket, rewrite(request("Updatable.Changes",
                    "{\"Name\":\"mystack/vars\",\"Changes\":[{\"Path\":\"db/password\",\"Value\":\"s3cret\"},"
                            + "{\"Path\":\"db/port\",\"Value\":5432}]}"))).json();
            differences.addAll(WireShapes.differences(json("{\"jsonrpc\":\"2.0\",\"result\":{\"Name\":\"mystack/vars\","
                    + "\"Original\":{},\"Proposed\":{\"db\":{\"password\":\"s3cret\",\"port\":5432}},"
                    + "\"Cas\":\"0e4d9c1a\"},\"id\":1}"), changes, path -> false));
            proposed = changes.path("result").path("Proposed").toString();
            cas = changes.path("result").path("Cas").asText();
            differences.addAll(goShaped(socket, "Updatable.Commit",
                    "{\"Name\":\"mystack/vars\",\"Proposed\":" + proposed + ",\"Cas\":\"" + cas + "\"}",
                    "{\"Name\":\"mystack/vars\"}"));
            differences.addAll(goShaped(socket, "Updatable.Keys", "{\"Name\":\"mystack/vars\",\"Path\":\"db\"}",
                    "{\"Name\":\"mystack/vars\",\"Nodes\":[\"password\",\"port\"]}"));
            differences.addAll(goShaped(socket, "Updatable.Keys",
                    "{\"Name\":\"mystack/vars\",\"Path\":\"no/where\"}",
                    "{\"Name\":\"mystack/vars\",\"Nodes\":null}"));
            differences.addAll(goShaped(socket, "Updatable.Get", "{\"Name\":\"mystack/status\",\"Path\":\"leader\"}",
                    "{\"Name\":\"mystack/status\",\"Value\":true}"));
            JsonNode readonly = RawUnixHttp.post(socket, rewrite(request("Updatable.Changes",
                    "{\"Name\":\"mystack/status\",\"Changes\":[{\"Path\":\"leader\",\"Value\":false}]}"))).json();
            differences.addAll(WireShapes.differences(json("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,"
                    + "\"message\":\"readonly\",\"data\":null},\"id\":1}"), readonly,
                    path -> ERROR_KIND.matcher(path).matches()));
            assertThat(readonly.path("error").path("message").asText()).startsWith("readonly");
            JsonNode stale = RawUnixHttp.post(socket, rewrite(request("Updatable.Commit",
                    "{\"Name\":\"mystack/vars\",\"Proposed\":{},\"Cas\":\"" + cas + "\"}"))).json();
            assertThat(stale.path("error").path("message").asText()).startsWith("cas mismatch");
            assertThat(Files.readString(home.configsDir().resolve("vars.json"))).doesNotContain("\"Cas\"");
        }
        assertThat(differences).isEmpty();
        try (Manager restarted = start()) {
            Path socket = home.pluginsDir().resolve(PluginSelection.defaultName(PluginSelection.MANAGER_KIND));
            assertThat(call(socket, "Updatable.Get", "{\"Name\":\"group/vars\",\"Path\":\"db/port\"}"))
                    .as("vars survive a restart").isEqualTo(json("{\"Name\":\"group/vars\",\"Value\":5432}"));
            JsonNode status = call(socket, "Updatable.Keys", "{\"Name\":\"group/status\",\"Path\":\".\"}");
            assertThat(status).isEqualTo(json("{\"Name\":\"group/status\",\"Nodes\":[\"configs\",\"leader\"]}"));
        }
    }

    /** One call, rewritten to our socket's name; the differences of its answer's shape from Go's {@code result}. */
    private static List<String> goShaped(Path socket, String method, String params, String goResult)
            throws IOException {
        JsonNode ours = RawUnixHttp.post(socket, rewrite(request(method, params))).json();
        JsonNode theirs = json("{\"jsonrpc\":\"2.0\",\"result\":" + goResult + ",\"id\":1}");
        return WireShapes.differences(theirs, ours, path -> false).stream()
                .map(difference -> method + " " + params + ": " + difference).toList();
    }

    private List<String> replayUnchanged(String captured, String ours, Predicate<String> onPurpose) throws Exception {
        List<String> differences = new ArrayList<>();
        try (Manager manager = start()) {
            Path socket = home.pluginsDir().resolve(ours);
            for (GoExchange exchange : exchanges(captured)) {
                RawUnixHttp.Answer answer = RawUnixHttp.post(socket, exchange.request().toString());
                differences.addAll(compare(exchange, answer, onPurpose));
            }
        }
        return differences;
    }

    private static JsonNode call(Path socket, String method, String params) throws IOException {
        JsonNode answer = RawUnixHttp.post(socket, request(method, params)).json();
        assertThat(answer.has("error")).as("%s answered %s", method, answer).isFalse();
        return answer.path("result");
    }

    private static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}";
    }

    private static JsonNode json(String text) throws IOException {
        return Json.mapper().readTree(text);
    }

    private Manager start() {
        return Manager.start(home, PluginRegistry.of(List.of(new FilePluginProvider(), new VanillaPluginProvider(),
                new GroupControllerProvider())), Map.of(), Clock.systemUTC());
    }

    private static List<GoExchange> exchanges(String plugin) {
        List<GoExchange> selected = GoWireCaptures.cliToGo().stream()
                .filter(exchange -> exchange.plugin().equals(plugin))
                .toList();
        assertThat(selected).as("captured requests to %s", plugin).isNotEmpty();
        return selected;
    }

    /** The manager's socket is {@code group} here, and the plugins are named {@code file} and {@code vanilla}. */
    private static String rewrite(String request) {
        return request.replace("\"mystack/", "\"group/")
                .replace("\"instance-file\"", "\"" + FilePluginProvider.NAME + "\"")
                .replace("\"flavor-vanilla\"", "\"" + VanillaPluginProvider.NAME + "\"");
    }

    private static void awaitConverged(Path socket, String describe) {
        await().atMost(CONVERGES_WITHIN).until(() -> RawUnixHttp.post(socket, describe).json()
                .path("result").path("Description").path("Converged").asBoolean(false));
    }

    private static List<String> compare(GoExchange exchange, RawUnixHttp.Answer answer, Predicate<String> onPurpose)
            throws IOException {
        String call = exchange.rpcMethod() + " #" + exchange.request().path("id").asText() + ": ";
        if (answer.status() != exchange.status()) {
            return List.of(call + "HTTP " + answer.status() + ", InfraKit answered " + exchange.status());
        }
        JsonNode ours = answer.json();
        List<String> found = new ArrayList<>();
        if (exchange.rpcMethod().equals("Handshake.Hello")) {
            Map<String, Set<String>> theirs = handshakeObjects(exchange.response());
            // On purpose: the group controller serves no read-only metadata (Metadata.*); the manager's
            // Updatable/0.1.1 (vars and status) is compared as any other interface.
            theirs.remove("Metadata/0.1.1");
            // On purpose: InfraKit's unnamed extra controller; our manager has no extra controllers.
            theirs.computeIfPresent("Controller/0.1.1", (spec, names) -> without(names, ""));
            Map<String, Set<String>> mine = handshakeObjects(ours);
            // On purpose: our extension, and the plain "group" our own CLI addresses.
            mine.remove("Rollout/0.1.0");
            mine.computeIfPresent("Group/0.1.1", (spec, names) -> theirs.getOrDefault(spec, Set.of()).contains(".")
                    ? names : without(names, "."));
            if (!mine.equals(theirs)) {
                found.add(call + "objects " + mine + ", InfraKit offered " + theirs);
            }
        }
        JsonNode expected = exchange.rpcMethod().equals("Handshake.Hello") ? firstObjectOnly(exchange.response())
                : exchange.response();
        JsonNode actual = exchange.rpcMethod().equals("Handshake.Hello") ? firstObjectOnly(ours) : ours;
        WireShapes.differences(expected, actual, onPurpose).forEach(difference -> found.add(call + difference));
        if (exchange.response().has("error")) {
            int code = exchange.response().path("error").path("code").asInt();
            if (ours.path("error").path("code").asInt() != code) {
                found.add(call + "error code " + ours.path("error").path("code") + ", InfraKit answered " + code);
            }
        }
        return found;
    }

    private static Map<String, Set<String>> handshakeObjects(JsonNode answer) {
        Map<String, Set<String>> objects = new TreeMap<>();
        answer.path("result").path("Objects").fields().forEachRemaining(entry -> {
            Set<String> names = new TreeSet<>();
            entry.getValue().forEach(object -> names.add(object.path("Name").asText()));
            objects.put(entry.getKey(), names);
        });
        return objects;
    }

    private static Set<String> without(Set<String> names, String name) {
        Set<String> rest = new TreeSet<>(names);
        rest.remove(name);
        return rest;
    }

    /** A handshake's shape is that of one object entry; which interfaces and names it lists is compared above. */
    private static JsonNode firstObjectOnly(JsonNode answer) {
        JsonNode first = answer.path("result").path("Objects").elements().next().get(0);
        return Json.mapper().createObjectNode().put("jsonrpc", answer.path("jsonrpc").asText())
                .set("object", first);
    }
}
