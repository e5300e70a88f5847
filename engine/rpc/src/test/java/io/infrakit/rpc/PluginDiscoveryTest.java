package io.infrakit.rpc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PluginDiscoveryTest {

    @TempDir
    Path directory;

    @Test
    void thePluginsDirectoryFollowsInfrakitsSettings() {
        Path home = Path.of("/home/someone");

        assertThat(PluginDiscovery.pluginsDir(Map.of("INFRAKIT_PLUGINS_DIR", "/run/ik", "INFRAKIT_HOME", "/ik"), home))
                .isEqualTo(Path.of("/run/ik"));
        assertThat(PluginDiscovery.pluginsDir(Map.of("INFRAKIT_HOME", "/ik"), home)).isEqualTo(Path.of("/ik/plugins"));
        assertThat(PluginDiscovery.pluginsDir(Map.of(), home)).isEqualTo(Path.of("/home/someone/.infrakit/plugins"));
    }

    @Test
    void regularFilesAreNotPlugins() throws Exception {
        Files.writeString(directory.resolve("simulator"), "a file, not a socket");
        Files.writeString(directory.resolve("simulator.pid"), "1234");
        Files.writeString(directory.resolve("aws.listen"), "tcp://127.0.0.1:24865");

        assertThat(new PluginDiscovery(directory).list()).isEmpty();
    }
}
