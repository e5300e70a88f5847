package io.infrakit.plugins.instance.file;

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

/** The same contract, with the file plugin served on a real unix socket and called through InfraKit's JSON-RPC. */
class FileOverSocketIT extends FileInstancePluginContractTest {

    private Path socketDir;
    private PluginServer server;

    @Override
    protected InstancePlugin plugin() {
        try {
            socketDir = Files.createTempDirectory(Path.of("/tmp"), "ik-file");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server = PluginServer.start(socketDir.resolve("file"), PluginObjects.instance(super.plugin()));
        return new RemoteInstancePlugin(new PluginClient("file", server.socket()), PluginName.of("file"));
    }

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
            Files.deleteIfExists(socketDir);
        }
    }
}
