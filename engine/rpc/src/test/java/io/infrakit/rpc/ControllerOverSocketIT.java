package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.controller.Controller;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.controller.Operation;
import io.infrakit.spi.controller.Plan;
import io.infrakit.spi.controller.PlannedChange;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.wire.RawUnixHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Controller.Plan|Commit|Describe|Free} on a real unix socket: written as InfraKit's Go clients send them
 * (the shapes of docs/protocol.md), and through our {@link RemoteController}; controllers routed by the type of
 * {@code Name}.
 */
class ControllerOverSocketIT {

    @TempDir
    Path directory;

    final RecordingController generic = new RecordingController("generic");
    final RecordingController workers = new RecordingController("workers");
    final Map<String, Controller> controllers = new LinkedHashMap<>(Map.of("groups", generic, "workers", workers));
    PluginServer server;

    @BeforeEach
    void serve() {
        PluginObjects groups = PluginObjects.group(new FakeGroupPlugin());
        server = PluginServer.start(directory.resolve("group"),
                new ServedObjects(() -> groups, () -> Map.copyOf(controllers), Optional.empty()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static final String SPEC = "{\"kind\":\"group\",\"version\":\"Group/0.1.1\","
            + "\"metadata\":{\"name\":\"group/workers\",\"tags\":null},"
            + "\"properties\":{\"Flavor\":{\"Plugin\":\"swarm\",\"Properties\":{\"docker\":\"/var/run/docker.sock\"}}}}";

    @Test
    void aGoPlanCallGetsTheObjectAndThePlanFromTheControllerItsNameRoutesTo() throws Exception {
        JsonNode answer = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Controller.Plan\","
                + "\"params\":{\"Name\":\"group/workers\",\"Operation\":0,\"Spec\":" + SPEC + "},\"id\":1}").json();

        assertThat(answer).isEqualTo(json("{\"jsonrpc\":\"2.0\",\"result\":{\"Name\":\"group/workers\","
                + "\"Object\":{\"kind\":\"group\",\"version\":\"Group/0.1.1\","
                + "\"metadata\":{\"name\":\"group/workers\",\"tags\":{}},"
                + "\"properties\":{\"Flavor\":{\"Plugin\":\"swarm\",\"Properties\":{\"docker\":\"/var/run/docker.sock\"}}},"
                + "\"state\":{\"seen\":\"workers\"}},"
                + "\"Plan\":{\"Message\":[\"workers plans ENFORCE\"]}},\"id\":1}"));
        assertThat(workers.calls).containsExactly("plan ENFORCE group/workers");
        assertThat(generic.calls).isEmpty();
    }

    @Test
    void aGoCommitOfDestroyAndDescribeWithNilMetadataAreUnderstood() throws Exception {
        JsonNode commit = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Controller.Commit\","
                + "\"params\":{\"Name\":\"group/groups\",\"Operation\":1,\"Spec\":" + SPEC + "},\"id\":2}").json();
        JsonNode describe = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Controller.Describe\","
                + "\"params\":{\"Name\":\"group/groups\",\"Metadata\":null},\"id\":3}").json();
        JsonNode free = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Controller.Free\","
                + "\"params\":{\"Name\":\"group/workers\",\"Metadata\":{\"id\":\"workers\",\"name\":\"\",\"tags\":null}},"
                + "\"id\":4}").json();

        assertThat(commit.path("result").path("Name").asText()).isEqualTo("group/groups");
        assertThat(commit.path("result").path("Object").path("properties")).isEqualTo(json(SPEC).path("properties"));
        assertThat(commit.path("result").path("Plan")).isEqualTo(json("{\"Message\":[]}"));
        assertThat(describe.path("result")).isEqualTo(json("{\"Name\":\"group/groups\",\"Objects\":[]}"));
        assertThat(free.path("result").path("Objects")).isEqualTo(json("[]"));
        assertThat(generic.calls).containsExactly("commit DESTROY group/workers", "describe everything");
        assertThat(workers.calls).containsExactly("free workers");
    }

    @Test
    void theHandshakeListsTheControllersThereAreNowAndAnUnknownNameIsNoPlugin() throws Exception {
        controllers.put("blue", new RecordingController("blue"));

        JsonNode hello = RawUnixHttp.post(server.socket(),
                "{\"jsonrpc\":\"2.0\",\"method\":\"Handshake.Hello\",\"params\":{},\"id\":5}").json();
        JsonNode unknown = RawUnixHttp.post(server.socket(), "{\"jsonrpc\":\"2.0\",\"method\":\"Controller.Describe\","
                + "\"params\":{\"Name\":\"group/cattle\",\"Metadata\":null},\"id\":6}").json();

        assertThat(hello.path("result").path("Objects").path("Controller/0.1.1")).isEqualTo(json(
                "[{\"Name\":\"blue\",\"ProxyFor\":\"\"},{\"Name\":\"groups\",\"ProxyFor\":\"\"},"
                        + "{\"Name\":\"workers\",\"ProxyFor\":\"\"}]"));
        assertThat(hello.path("result").path("Objects").has("Group/0.1.1")).isTrue();
        assertThat(unknown.path("error").path("message").asText()).isEqualTo("no-plugin:cattle");
    }

    @Test
    void theRemoteControllerMakesTheSameCallsAndKeepsTheErrorsKind() throws Exception {
        Controller remote = new RemoteController(new PluginClient("group", server.socket()),
                PluginName.parse("group/workers"));
        ObjectSpec spec = Json.mapper().convertValue(json(SPEC), ObjectSpec.class);

        PlannedChange planned = remote.plan(Operation.DESTROY, spec);
        ManagedObject committed = remote.commit(Operation.ENFORCE, spec);
        List<ManagedObject> all = remote.describe(Metadata.ANY);
        List<ManagedObject> freed = remote.free(Metadata.named("workers"));

        assertThat(planned.plan()).isEqualTo(Plan.of("workers plans DESTROY"));
        assertThat(planned.object().spec()).isEqualTo(spec);
        assertThat(planned.object().state()).isEqualTo(Any.parse("{\"seen\":\"workers\"}"));
        assertThat(committed.spec()).isEqualTo(spec);
        assertThat(all).isEmpty();
        assertThat(freed).isEmpty();
        assertThat(workers.calls).containsExactly("plan DESTROY group/workers", "commit ENFORCE group/workers",
                "describe everything", "free workers");

        workers.refuse = true;
        assertThatThrownBy(() -> remote.commit(Operation.ENFORCE, spec))
                .isInstanceOf(InvalidSpecException.class).hasMessage("wrong group: instance=x scope=workers");
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    /** Answers with the spec it got and a state naming itself, and records the calls. */
    static final class RecordingController implements Controller {
        final String name;
        final List<String> calls = new ArrayList<>();
        volatile boolean refuse;

        RecordingController(String name) {
            this.name = name;
        }

        @Override
        public synchronized PlannedChange plan(Operation operation, ObjectSpec spec) {
            calls.add("plan " + operation + " " + spec.metadata().name());
            return new PlannedChange(seen(spec), Plan.of(name + " plans " + operation));
        }

        @Override
        public synchronized ManagedObject commit(Operation operation, ObjectSpec spec) {
            if (refuse) {
                throw new InvalidSpecException("wrong group: instance=x scope=" + name);
            }
            calls.add("commit " + operation + " " + spec.metadata().name());
            return seen(spec);
        }

        @Override
        public synchronized List<ManagedObject> describe(Metadata search) {
            calls.add("describe " + (search.isAny() ? "everything" : search.name()));
            return List.of();
        }

        @Override
        public synchronized List<ManagedObject> free(Metadata search) {
            calls.add("free " + (search.isAny() ? "everything" : search.id() + search.name()));
            return List.of();
        }

        private ManagedObject seen(ObjectSpec spec) {
            return new ManagedObject(spec, Any.of(Map.of("seen", name)));
        }
    }
}
