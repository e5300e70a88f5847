package io.infrakit.engine.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.plugins.instance.simulator.SimulatorInstancePlugin;
import io.infrakit.plugins.instance.simulator.SimulatorSettings;
import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.RemoteController;
import io.infrakit.rpc.RemoteGroupPlugin;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.common.SpecText;
import io.infrakit.spi.controller.Controller;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.controller.Operation;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.infrakit.testkit.TestPlugins.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 39 (docs/scenarios.md) over the wire: the manager in this JVM serves its groups as
 * {@code Controller/0.1.1} on the {@code group} socket ({@code group/groups}, {@code group/<id>}), backed by the real
 * group controller; InfraKit's {@code workers} spec round-trips through Commit, Describe and Free.
 */
class ControllerOverSocketIT {

    Path root;
    InfrakitHome home;
    Manager manager;
    final SimulatorInstancePlugin ec2 = new SimulatorInstancePlugin("ec2-instance", SimulatorSettings.defaults(),
            duration -> { });

    @BeforeEach
    void startManager() throws IOException {
        root = Files.createTempDirectory(Path.of("/tmp"), "ik-ctl");
        home = InfrakitHome.at(root);
        manager = Manager.start(home, PluginRegistry.of(List.of(
                provider("aws", new PluginObjects(Map.of("ec2-instance", ec2), null, null)),
                provider("swarm", PluginObjects.flavor(new ScriptedFlavorPlugin())),
                new GroupControllerProvider())),
                Map.of(ControllerSettings.POLL_INTERVAL, "100ms"), Clock.systemUTC());
    }

    @AfterEach
    void stopAndRemove() throws IOException {
        manager.close();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static ObjectSpec workers() {
        return SpecText.read("workers.yml", """
                kind: group
                version: Group/1.0
                metadata:
                  name: group/workers
                properties:
                  Allocation:
                    Size: 2
                  Flavor:
                    Plugin: swarm
                    Properties:
                        docker: /var/run/docker.sock
                  Instance:
                    Plugin: aws/ec2-instance
                    Properties:
                        type: xlarge
                """, ObjectSpec.class);
    }

    private Controller controller(String name) {
        return new RemoteController(new PluginClient("group", home.pluginsDir().resolve("group")),
                PluginName.parse(name));
    }

    @Test
    void theWorkersSpecRoundTripsThroughCommitDescribeAndFreeOverTheSocket() {
        Controller groups = controller("group/groups");
        ObjectSpec spec = workers();

        assertThat(groups.plan(Operation.ENFORCE, spec).plan().messages()).containsExactly("Managing 2 instances");
        ManagedObject committed = groups.commit(Operation.ENFORCE, spec);
        await().atMost(Duration.ofSeconds(20)).until(() -> ec2.size() == 2);

        assertThat(committed.spec().properties()).isEqualTo(spec.properties());
        RemoteGroupPlugin stored = new RemoteGroupPlugin(
                new PluginClient("group", home.pluginsDir().resolve("group")), PluginName.of("group"));
        assertThat(stored.inspectGroups()).singleElement().satisfies(group -> {
            assertThat(group.id()).isEqualTo(GroupId.of("workers"));
            assertThat(group.properties()).isEqualTo(spec.properties());
            assertThat(group.properties().node().at("/Flavor/Properties/docker").asText())
                    .isEqualTo("/var/run/docker.sock");
            assertThat(group.properties().node().at("/Instance/Properties/type").asText()).isEqualTo("xlarge");
        });

        Controller scoped = controller("group/workers");
        List<ManagedObject> described = scoped.describe(Metadata.ANY);
        assertThat(described).singleElement().satisfies(object -> {
            assertThat(object.spec().metadata()).isEqualTo(new Metadata("workers", "group/workers", Map.of()));
            assertThat(object.spec().version()).isEqualTo("Group/0.1.1");
            assertThat(object.spec().properties()).isEqualTo(spec.properties());
            assertThat(object.state().decode(GroupDescription.class).instances()).hasSize(2);
        });
        assertThat(groups.describe(Metadata.named("workers"))).extracting(o -> o.spec().properties())
                .containsExactly(spec.properties());

        assertThat(groups.free(Metadata.named("group/workers"))).extracting(o -> o.spec().metadata().id())
                .containsExactly("workers");
        assertThat(groups.describe(Metadata.ANY)).isEmpty();
        assertThat(stored.inspectGroups()).as("the manager forgets a freed group").isEmpty();
        assertThat(ec2.size()).as("free leaves the instances alone").isEqualTo(2);
    }

    @Test
    void destroyThroughTheControllerLeavesNoInstanceAndErrorsKeepTheirKind() {
        Controller groups = controller("group/groups");
        groups.commit(Operation.ENFORCE, workers());
        await().atMost(Duration.ofSeconds(20)).until(() -> ec2.size() == 2);

        ManagedObject last = controller("group/workers").commit(Operation.DESTROY,
                ObjectSpec.of("group", "", Metadata.named("workers"), io.infrakit.spi.Any.empty()));

        assertThat(last.spec().properties()).isEqualTo(workers().properties());
        await().atMost(Duration.ofSeconds(20)).until(() -> ec2.size() == 0);
        assertThat(groups.describe(Metadata.ANY)).isEmpty();
        assertThatThrownBy(() -> groups.commit(Operation.ENFORCE, ObjectSpec.of("group", "", Metadata.ANY,
                workers().properties())))
                .isInstanceOf(InvalidSpecException.class).hasMessage("no group name");
        assertThatThrownBy(() -> controller("group/nobody").describe(Metadata.ANY))
                .as("the handshake lists the controllers there are")
                .isInstanceOf(PluginNotFoundException.class);
    }
}
