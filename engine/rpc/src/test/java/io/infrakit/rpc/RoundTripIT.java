package io.infrakit.rpc;

import io.infrakit.spi.Any;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.Attachment;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every SPI method through a real server and client on a unix socket, against in-test fakes. */
class RoundTripIT {

    @TempDir
    Path directory;

    private final FakeInstancePlugin defaultInstances = new FakeInstancePlugin("i-");
    private final FakeInstancePlugin computeInstances = new FakeInstancePlugin("compute-");
    private final FakeFlavorPlugin flavor = new FakeFlavorPlugin();
    private final FakeGroupPlugin group = new FakeGroupPlugin();
    private PluginServer server;
    private PluginClient client;

    @BeforeEach
    void serve() {
        server = PluginServer.start(directory.resolve("sim"), new PluginObjects(
                Map.of("", defaultInstances, "compute", computeInstances),
                Map.of("", flavor),
                Map.of("", group)));
        client = new PluginClient("sim", server.socket());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void provisionLabelDescribeAndDestroyAnInstance() {
        RemoteInstancePlugin instances = new RemoteInstancePlugin(client, PluginName.parse("sim"));
        InstanceSpec spec = new InstanceSpec(Any.parse("{\"Note\":\"hi\"}"), Map.of("tier", "web"), "echo hi",
                LogicalId.of("10.0.0.1"), List.of(new Attachment("vol-1", "ebs")));

        InstanceId id = instances.provision(spec);
        instances.label(id, Map.of("infrakit.config.hash", "abc"));

        assertThat(id).isEqualTo(InstanceId.of("i-1"));
        assertThat(defaultInstances.provisionedSpec(id)).contains(spec);
        assertThat(instances.describeInstances(Map.of("tier", "web"), true)).containsExactly(
                new InstanceDescription(id, LogicalId.of("10.0.0.1"),
                        Map.of("tier", "web", "infrakit.config.hash", "abc"), Any.parse("{\"Note\":\"hi\"}")));
        assertThat(instances.describeInstances(Map.of("tier", "web"), false))
                .singleElement().satisfies(found -> assertThat(found.properties().isEmpty()).isTrue());
        assertThat(instances.describeInstances(Map.of("tier", "db"), false)).isEmpty();

        instances.destroy(id, DestroyReason.ROLLING_UPDATE);

        assertThat(defaultInstances.lastDestroyReason()).isEqualTo(DestroyReason.ROLLING_UPDATE);
        assertThat(instances.describeInstances(Map.of(), false)).isEmpty();
    }

    @Test
    void theTypeOfThePluginNameSelectsTheObject() {
        RemoteInstancePlugin compute = new RemoteInstancePlugin(client, PluginName.parse("sim/compute"));

        InstanceId id = compute.provision(InstanceSpec.of(Any.empty(), Map.of()));

        assertThat(id.value()).isEqualTo("compute-1");
        assertThat(computeInstances.describeInstances(Map.of(), false)).hasSize(1);
        assertThat(defaultInstances.describeInstances(Map.of(), false)).isEmpty();
    }

    @Test
    void instanceErrorsComeBackAsTheSameExceptionWithThePlainMessage() {
        RemoteInstancePlugin instances = new RemoteInstancePlugin(client, PluginName.parse("sim"));

        assertThatThrownBy(() -> instances.validate(Any.parse("{\"Bad\":true}")))
                .isExactlyInstanceOf(InvalidSpecException.class)
                .hasMessage("Properties.Bad: not allowed here");
        assertThatThrownBy(() -> instances.destroy(InstanceId.of("i-404"), DestroyReason.TERMINATE))
                .isExactlyInstanceOf(InstanceNotFoundException.class)
                .hasMessage("instance i-404 not found")
                .satisfies(e -> assertThat(((InstanceNotFoundException) e).id()).isEqualTo(InstanceId.of("i-404")));
        assertThatThrownBy(() -> instances.label(InstanceId.of("i-404"), Map.of("a", "b")))
                .isExactlyInstanceOf(InstanceNotFoundException.class);
        assertThatThrownBy(() -> instances.validate(Any.parse("{\"Crash\":true}")))
                .isExactlyInstanceOf(PluginException.class)
                .hasMessage("the fake crashed")
                .satisfies(e -> assertThat(((PluginException) e).describe())
                        .isEqualTo("plugin 'sim' Instance.Validate: the fake crashed"));
        instances.validate(Any.parse("{\"Note\":\"fine\"}"));
    }

    @Test
    void flavorMethodsRoundTrip() {
        RemoteFlavorPlugin remote = new RemoteFlavorPlugin(client, PluginName.parse("sim"));
        Any properties = Any.parse("{\"Role\":\"worker\"}");
        InstanceSpec spec = InstanceSpec.of(Any.parse("{\"Note\":\"x\"}"), Map.of("infrakit.group", "workers"));

        remote.validate(properties, Allocation.ofSize(2));
        InstanceSpec prepared = remote.prepare(properties, spec,
                Allocation.ofLogicalIds(List.of(LogicalId.of("10.0.0.7"))), new Index("workers", 3));

        assertThat(prepared.tags()).containsEntry("role", "worker").containsEntry("infrakit.group", "workers");
        assertThat(prepared.init()).isEqualTo("join workers #3");
        assertThat(prepared.logicalId()).isEqualTo(LogicalId.of("10.0.0.7"));
        assertThat(prepared.properties()).isEqualTo(spec.properties());
        assertThat(remote.healthy(properties, described("i-1", "health", "healthy"))).isEqualTo(Health.HEALTHY);
        assertThat(remote.healthy(properties, described("i-2", "health", "unhealthy"))).isEqualTo(Health.UNHEALTHY);
        assertThat(remote.healthy(properties, described("i-3", "other", "x"))).isEqualTo(Health.UNKNOWN);

        remote.drain(properties, described("i-1", "drain", "ok"));

        assertThat(flavor.drained()).containsExactly(InstanceId.of("i-1"));
        assertThatThrownBy(() -> remote.drain(properties, described("i-9", "drain", "refuse")))
                .isExactlyInstanceOf(PluginException.class)
                .hasMessage("node i-9 refused to drain")
                .satisfies(e -> assertThat(((PluginException) e).operation()).isEqualTo("Flavor.Drain"));
        assertThatThrownBy(() -> remote.validate(properties, Allocation.ofSize(0)))
                .isExactlyInstanceOf(InvalidSpecException.class)
                .hasMessage("Allocation: either Size or LogicalIDs");
    }

    @Test
    void groupMethodsRoundTrip() {
        RemoteGroupPlugin remote = new RemoteGroupPlugin(client, PluginName.parse("sim"));
        GroupId workers = GroupId.of("workers");
        GroupSpec spec = new GroupSpec(workers, Any.parse("{\"Allocation\":{\"Size\":3}}"));

        assertThat(remote.commitGroup(spec, true)).isEqualTo("Committing workers would involve: Managing 3 instances");
        assertThat(remote.inspectGroups()).isEmpty();
        assertThat(remote.commitGroup(spec, false)).isEqualTo("Committed workers: Managing 3 instances");
        assertThat(remote.inspectGroups()).containsExactly(spec);
        assertThat(remote.size(workers)).isEqualTo(3);

        remote.setSize(workers, 4);
        GroupDescription description = remote.describeGroup(workers);

        assertThat(description.converged()).isTrue();
        assertThat(description.instances()).extracting(InstanceDescription::id)
                .containsExactly(InstanceId.of("workers-1"), InstanceId.of("workers-2"),
                        InstanceId.of("workers-3"), InstanceId.of("workers-4"));
        assertThat(description.instances().get(0).tags()).containsEntry("infrakit.group", "workers");

        remote.destroyInstances(workers, List.of(InstanceId.of("workers-1"), InstanceId.of("workers-2")));

        assertThat(group.destroyedInstances()).containsExactly(InstanceId.of("workers-1"), InstanceId.of("workers-2"));
        assertThat(remote.size(workers)).isEqualTo(2);

        remote.freeGroup(workers);

        assertThat(remote.inspectGroups()).isEmpty();
        assertThatThrownBy(() -> remote.destroyGroup(workers))
                .isExactlyInstanceOf(PluginException.class)
                .hasMessage("Group 'workers' is not being watched");
    }

    @Test
    void helloListsTheObjectsOfEveryInterface() {
        assertThat(client.hello()).containsExactly(
                Map.entry(new InterfaceSpec("Flavor", "0.1.1"), List.of(".")),
                Map.entry(new InterfaceSpec("Group", "0.1.1"), List.of(".")),
                Map.entry(new InterfaceSpec("Instance", "0.6.1"), List.of(".", "compute")));
    }

    @Test
    void concurrentCallsShareTheClient() throws Exception {
        RemoteInstancePlugin instances = new RemoteInstancePlugin(client, PluginName.parse("sim"));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<InstanceId>> ids = callers.invokeAll(Collections.nCopies(64,
                    () -> instances.provision(InstanceSpec.of(Any.empty(), Map.of("batch", "1")))));
            for (Future<InstanceId> id : ids) {
                id.get();
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(instances.describeInstances(Map.of("batch", "1"), false)).hasSize(64);
    }

    private static InstanceDescription described(String id, String tag, String value) {
        return new InstanceDescription(InstanceId.of(id), null, Map.of(tag, value), Any.empty());
    }
}
