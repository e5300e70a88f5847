package io.infrakit.manager.process;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.spi.InvalidSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginsConfigTest {

    @TempDir
    Path root;

    @Test
    void readsBuiltInKindsAndCommandsByName() throws IOException {
        Files.writeString(root.resolve("plugins.yml"), """
                plugins:
                  instance-file:
                    kind: file
                  py:
                    command: python3
                    args: [plugin.py, --verbose]
                    env: {PY_PLUGIN_SEED: "7"}
                    dir: examples
                """);

        PluginsConfig config = PluginsConfig.read(InfrakitHome.at(root));

        assertThat(config.names()).containsExactly("instance-file", "py");
        assertThat(config.entry("instance-file")).contains(new ProcessEntry("file", null, null, null, null));
        assertThat(config.entry("py")).contains(new ProcessEntry(null, "python3", List.of("plugin.py", "--verbose"),
                Map.of("PY_PLUGIN_SEED", "7"), "examples"));
    }

    @Test
    void jsonToo() throws IOException {
        Files.writeString(root.resolve("plugins.json"), "{\"plugins\": {\"sh\": {\"command\": \"/bin/sh\"}}}");
        assertThat(PluginsConfig.read(InfrakitHome.at(root)).entry("sh").orElseThrow().command()).isEqualTo("/bin/sh");
    }

    @Test
    void aMisspeltFieldIsRefusedAtItsLineAndColumn() throws IOException {
        Files.writeString(root.resolve("plugins.yml"), "plugins:\n  py:\n    comand: python3\n");
        assertThatThrownBy(() -> PluginsConfig.read(InfrakitHome.at(root)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(root.resolve("plugins.yml") + ":3:5: unknown field 'comand'; did you mean 'command'?");
    }

    @Test
    void anEntryNeedsACommandOrAKindButNotBoth() throws IOException {
        Files.writeString(root.resolve("plugins.yml"), "plugins:\n  py:\n    kind: file\n    command: python3\n");
        assertThatThrownBy(() -> PluginsConfig.read(InfrakitHome.at(root)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(root.resolve("plugins.yml") + ": plugins.py: give either 'command' (a program to run) or "
                        + "'kind' (a built-in plugin, run as 'infrakit plugin run KIND:py')");
    }

    @Test
    void noConfigIsNoPlugins() {
        assertThat(PluginsConfig.read(InfrakitHome.at(root)).plugins()).isEmpty();
    }
}
