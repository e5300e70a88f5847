package io.infrakit.rpc;

import io.infrakit.rpc.CannedPluginServer.Canned;
import io.infrakit.spi.Any;
import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Remote plugins handshake before their first call and refuse what they cannot talk to. */
class HandshakeIT {

    private static final String LEGACY_HELLO = "{\"jsonrpc\":\"2.0\",\"result\":{\"Objects\":{"
            + "\"Instance/0.5.0\":[{\"Name\":\".\",\"ProxyFor\":\"\"}]}},\"id\":1}";

    @TempDir
    Path directory;

    @Test
    void aPluginOfAnotherInterfaceVersionIsRefusedWithoutBeingCalled() throws Exception {
        Path socket = directory.resolve("legacy");
        try (CannedPluginServer legacy = CannedPluginServer.start(socket, method -> Canned.json(LEGACY_HELLO))) {
            RemoteInstancePlugin plugin = new RemoteInstancePlugin(new PluginClient("legacy", legacy.socket()),
                    PluginName.parse("legacy"));

            assertThatThrownBy(() -> plugin.describeInstances(Map.of(), false))
                    .isExactlyInstanceOf(IncompatiblePluginException.class)
                    .hasMessage("Plugin legacy does not support interface Instance/0.6.1 (it implements Instance/0.5.0)");
            assertThatThrownBy(() -> plugin.provision(InstanceSpec.of(Any.empty(), Map.of())))
                    .isExactlyInstanceOf(IncompatiblePluginException.class);
            assertThat(legacy.calledMethods()).containsExactly("Handshake.Hello");
        }
    }

    @Test
    void aPluginOfAnotherKindNamesWhatItImplements() {
        try (PluginServer server = PluginServer.start(directory.resolve("groups"),
                PluginObjects.group(new FakeGroupPlugin()))) {
            RemoteFlavorPlugin flavor = new RemoteFlavorPlugin(new PluginClient("groups", server.socket()),
                    PluginName.parse("groups"));

            assertThatThrownBy(() -> flavor.validate(Any.empty(), Allocation.ofSize(1)))
                    .isExactlyInstanceOf(IncompatiblePluginException.class)
                    .hasMessage("Plugin groups does not support interface Flavor/0.1.1 (it implements Group/0.1.1)");
        }
    }

    @Test
    void theTypeMustBeOneOfThePluginsObjects() {
        try (PluginServer server = PluginServer.start(directory.resolve("sim"), new PluginObjects(
                Map.of("", new FakeInstancePlugin("i-"), "compute", new FakeInstancePlugin("c-")), Map.of(), Map.of()))) {
            PluginClient client = new PluginClient("sim", server.socket());

            assertThatThrownBy(() -> new RemoteInstancePlugin(client, PluginName.parse("sim/disk"))
                    .describeInstances(Map.of(), false))
                    .isExactlyInstanceOf(PluginNotFoundException.class)
                    .hasMessage("unknown plugin 'sim/disk'; known: sim, sim/compute");
            assertThat(new RemoteInstancePlugin(client, PluginName.parse("sim/compute"))
                    .describeInstances(Map.of(), false)).isEmpty();
        }
    }

    @Test
    void theHandshakeIsDoneOnceAndOnlyOnceItSucceeded() throws Exception {
        Path socket = directory.resolve("canned");
        PluginClient client = new PluginClient("canned", socket);
        RemoteInstancePlugin plugin = new RemoteInstancePlugin(client, PluginName.parse("canned"));

        assertThatThrownBy(() -> plugin.describeInstances(Map.of(), false))
                .isExactlyInstanceOf(PluginUnavailableException.class);

        String hello = "{\"jsonrpc\":\"2.0\",\"result\":{\"Objects\":{\"Instance/0.6.1\":[{\"Name\":\".\"}]}},\"id\":1}";
        String none = "{\"jsonrpc\":\"2.0\",\"result\":{\"Type\":\"\",\"Descriptions\":[]},\"id\":2}";
        try (CannedPluginServer canned = CannedPluginServer.start(socket,
                method -> Canned.json(method.equals("Handshake.Hello") ? hello : none))) {
            assertThat(plugin.describeInstances(Map.of(), false)).isEmpty();
            assertThat(plugin.describeInstances(Map.of("a", "b"), true)).isEmpty();

            assertThat(canned.calledMethods()).containsExactly(
                    "Handshake.Hello", "Instance.DescribeInstances", "Instance.DescribeInstances");
        }
    }

    @Test
    void helloReportsEveryInterfaceAPluginImplements() throws Exception {
        Path socket = directory.resolve("legacy");
        try (CannedPluginServer server = CannedPluginServer.start(socket, method -> Canned.json(LEGACY_HELLO))) {
            assertThat(new PluginClient("legacy", server.socket()).hello())
                    .containsExactly(Map.entry(InterfaceSpec.parse("Instance/0.5.0"), List.of(".")));
        }
    }
}
