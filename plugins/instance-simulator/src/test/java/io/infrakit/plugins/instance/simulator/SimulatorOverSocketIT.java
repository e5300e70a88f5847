package io.infrakit.plugins.instance.simulator;

import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.PluginServer;
import io.infrakit.rpc.RemoteInstancePlugin;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The same contract, with the simulator served on a real unix socket and called through InfraKit's JSON-RPC. */
class SimulatorOverSocketIT extends SimulatorInstancePluginContractTest {

    private Path dir;
    private PluginServer server;

    @Override
    protected InstancePlugin plugin() {
        try {
            dir = Files.createTempDirectory(Path.of("/tmp"), "ik-sim");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server = PluginServer.start(dir.resolve("simulator"), new PluginObjects(
                java.util.Map.of("compute", super.plugin()), null, null));
        return new RemoteInstancePlugin(new PluginClient("simulator", server.socket()), PluginName.parse("simulator/compute"));
    }

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
            Files.deleteIfExists(dir);
        }
    }
}
