package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Json;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.testkit.wire.GoExchange;
import io.infrakit.testkit.wire.GoWireCaptures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every answer InfraKit's (Go) manager gave to a Group call of InfraKit's CLI, as recorded, decoded by our client:
 * empty IDs, null lists and instance descriptions as Go writes them.
 */
class RemoteGroupPluginOnInfrakitAnswersIT {

    private static final List<GoExchange> GO_CLI = GoWireCaptures.cliToGo();

    @TempDir
    Path directory;

    private final AtomicReference<GoExchange> answering = new AtomicReference<>();
    private CannedPluginServer server;

    /** The recorded call and what our client makes of the answer. */
    private interface GroupPluginCalls {
        Object call(RemoteGroupPlugin plugin, JsonNode params);
    }

    @BeforeEach
    void serve() throws Exception {
        GoExchange hello = GoWireCaptures.select(GO_CLI, "mystack", "Handshake.Hello").stream()
                .filter(exchange -> exchange.result().path("Objects").path("Group/0.1.1").toString().contains("cattle"))
                .findFirst().orElseThrow();
        server = CannedPluginServer.start(directory.resolve("mystack"), method -> CannedPluginServer.Canned.json(
                (method.equals("Handshake.Hello") ? hello : answering.get()).response().toString()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void inspectGroupsWithAnEmptyIdListsTheSpecsOrNone() {
        List<Object> answers = answers("Group.InspectGroups", (plugin, params) -> plugin.inspectGroups());

        assertThat(answers).anySatisfy(groups -> assertThat((List<?>) groups).singleElement()
                .isInstanceOfSatisfying(GroupSpec.class, spec -> {
            assertThat(spec.id()).isEqualTo(GroupId.of("cattle"));
            assertThat(spec.properties().node().toString()).contains("\"LogicalIDs\":null", "\"Updating\"");
        }));
        assertThat(answers).anySatisfy(groups -> assertThat((List<?>) groups).isEmpty());
    }

    @Test
    void describeGroupDecodesInstancesWithNullLogicalIds() {
        List<Object> answers = answers("Group.DescribeGroup", (plugin, params) -> {
            try {
                return plugin.describeGroup(GroupId.of(params.path("ID").asText()));
            } catch (PluginException refused) {
                return refused;
            }
        });

        assertThat(answers).anySatisfy(answer -> assertThat(answer).isInstanceOfSatisfying(GroupDescription.class,
                description -> {
                    assertThat(description.converged()).isTrue();
                    assertThat(description.instances()).hasSize(5).allSatisfy(instance -> {
                        assertThat(instance.logicalIdIfAny()).isEmpty();
                        assertThat(instance.tags()).containsEntry("infrakit.group", "cattle");
                    });
                }));
        assertThat(answers).anySatisfy(answer -> assertThat(answer).isInstanceOfSatisfying(PluginException.class,
                refused -> assertThat(refused).hasMessageContaining("Group 'nosuchgroup' is not being watched")));
    }

    @Test
    void sizeAndTheCallsThatAnswerOnlyTheirNameAndIdDecode() {
        assertThat(answers("Group.Size", (plugin, params) -> plugin.size(GroupId.of(params.path("ID").asText()))))
                .contains(5, 4);
        assertThat(answers("Group.CommitGroup", (plugin, params) -> plugin.commitGroup(
                Json.mapper().convertValue(params.path("Spec"), GroupSpec.class), params.path("Pretend").asBoolean())))
                .contains("Managing 5 instances");
        for (String method : List.of("Group.SetSize", "Group.FreeGroup", "Group.DestroyGroup",
                "Group.DestroyInstances")) {
            assertThat(answers(method, (plugin, params) -> {
                GroupId id = GroupId.of(params.path("ID").asText());
                switch (method) {
                    case "Group.SetSize" -> plugin.setSize(id, params.path("Size").asInt());
                    case "Group.FreeGroup" -> plugin.freeGroup(id);
                    case "Group.DestroyGroup" -> plugin.destroyGroup(id);
                    default -> plugin.destroyInstances(id,
                            List.of(InstanceId.of(params.path("Instances").get(0).asText())));
                }
                return method;
            })).as(method).isNotEmpty().containsOnly(method);
        }
    }

    @Test
    void aRefusalOfInfrakitIsThePluginsErrorNamingTheCall() {
        GoExchange refused = GoWireCaptures.select(GO_CLI, "mystack", "Group.DescribeGroup").stream()
                .filter(exchange -> exchange.response().has("error")).findFirst().orElseThrow();
        answering.set(refused);

        assertThatThrownBy(() -> plugin(refused).describeGroup(GroupId.of("nosuchgroup")))
                .isInstanceOfSatisfying(PluginException.class, error -> assertThat(error.describe())
                        .isEqualTo("plugin 'mystack' Group.DescribeGroup: Group 'nosuchgroup' is not being watched"));
    }

    /** Each recorded answer to the method, through our client called as InfraKit's CLI called it. */
    private List<Object> answers(String method, GroupPluginCalls call) {
        return GoWireCaptures.select(GO_CLI, "mystack", method).stream().map(exchange -> {
            answering.set(exchange);
            return call.call(plugin(exchange), exchange.request().path("params"));
        }).toList();
    }

    private RemoteGroupPlugin plugin(GoExchange exchange) {
        PluginName name = PluginName.parse(exchange.request().path("params").path("Name").asText());
        return new RemoteGroupPlugin(new PluginClient("mystack", server.socket()), name);
    }
}
