package io.infrakit.rpc;

import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Discovery lists the sockets of the plugins directory and nothing else. */
class PluginDiscoveryIT {

    @TempDir
    Path directory;

    @Test
    void eachSocketIsAPluginNamedAfterItsFile() throws Exception {
        Files.writeString(directory.resolve("notes.txt"), "not a plugin");
        Files.writeString(directory.resolve("aws.listen"), "tcp://127.0.0.1:24865");
        Files.createDirectory(directory.resolve("nested"));
        PluginServerIT.leaveStaleSocket(directory.resolve("nested").resolve("deep"));
        try (PluginServer simulator = PluginServer.start(directory.resolve("simulator"),
                PluginObjects.instance(new FakeInstancePlugin("i-")));
             PluginServer group = PluginServer.start(directory.resolve("group"),
                     PluginObjects.group(new FakeGroupPlugin()))) {
            PluginDiscovery discovery = new PluginDiscovery(directory);

            assertThat(discovery.list()).containsExactly(
                    new PluginEndpoint("group", group.socket()),
                    new PluginEndpoint("simulator", simulator.socket()));
            assertThat(discovery.find(PluginName.parse("simulator/compute")).socket()).isEqualTo(simulator.socket());
            assertThatThrownBy(() -> discovery.find(PluginName.parse("aws/ec2-instance")))
                    .isExactlyInstanceOf(PluginNotFoundException.class)
                    .hasMessage("unknown plugin 'aws/ec2-instance'; known: group, simulator");
        }
    }

    @Test
    void aPluginOfAnInterfaceThatNothingAnswersToListsOnlyThePluginsOfThatInterface() throws Exception {
        PluginServerIT.leaveStaleSocket(directory.resolve("gone"));
        try (PluginServer simulator = PluginServer.start(directory.resolve("simulator"),
                PluginObjects.instance(new FakeInstancePlugin("i-")));
             PluginServer group = PluginServer.start(directory.resolve("group"),
                     PluginObjects.group(new FakeGroupPlugin()))) {
            PluginDiscovery discovery = new PluginDiscovery(directory);

            assertThatThrownBy(() -> discovery.find(PluginName.parse("simulatr"), InstancePlugin.INTERFACE))
                    .isExactlyInstanceOf(PluginNotFoundException.class)
                    .hasMessage("unknown plugin 'simulatr'; did you mean 'simulator'? known: simulator");
            assertThatThrownBy(() -> discovery.find(PluginName.parse("vanilla"), FlavorPlugin.INTERFACE))
                    .hasMessage("unknown plugin 'vanilla'; known: (none)");
        }
    }

    @Test
    void aFoundEndpointCanBeCalled() {
        try (PluginServer server = PluginServer.start(directory.resolve("simulator"),
                PluginObjects.instance(new FakeInstancePlugin("i-")))) {
            PluginEndpoint endpoint = new PluginDiscovery(directory).find(PluginName.parse("simulator"));
            assertThat(endpoint.socket()).isEqualTo(server.socket());

            assertThat(PluginClient.of(endpoint).hello()).containsOnlyKeys(InstancePlugin.INTERFACE);
        }
    }

    @Test
    void aMissingDirectoryHasNoPlugins() {
        PluginDiscovery discovery = new PluginDiscovery(directory.resolve("absent"));

        assertThat(discovery.list()).isEmpty();
        assertThatThrownBy(() -> discovery.find(PluginName.parse("group")))
                .hasMessage("unknown plugin 'group'; known: (none)");
    }
}
