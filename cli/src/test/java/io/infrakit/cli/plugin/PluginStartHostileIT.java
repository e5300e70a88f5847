package io.infrakit.cli.plugin;

import io.infrakit.cli.CliHome;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.CliHome.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plugin start} and a hand-edited {@code manager.yml} refused: one line, its exit code, and no manager started,
 * no config written or changed.
 */
class PluginStartHostileIT {

    /** Every kind the CLI bundles, the manager and the group controller first. */
    private static final String KINDS = "manager, group, aws, combo, docker, file, qemu, simulator, swarm, vanilla";

    CliHome home;

    @BeforeEach
    void freshHome() throws IOException {
        home = CliHome.create("ik-phostile", Map.of());
    }

    @AfterEach
    void remove() {
        home.close();
    }

    @Test
    void anUnknownKindIsExitFourAndListsTheKinds() throws IOException {
        assertRefused(home.run("plugin", "start", "manager:mystack", "group", "fiel:instance-file"), ExitCode.PLUGIN,
                "infrakit: unknown plugin kind 'fiel'; kinds: " + KINDS);
        assertRefused(home.run("plugin", "start", "vanila"), ExitCode.PLUGIN,
                "infrakit: unknown plugin kind 'vanila'; did you mean 'vanilla'?; kinds: " + KINDS);
    }

    @Test
    void aNameThatCannotBeASocketIsExitTwo() throws IOException {
        assertRefused(home.run("plugin", "start", "file:../../etc/x"), ExitCode.USAGE,
                "infrakit: 'file:../../etc/x': invalid plugin name '../../etc/x': expected letters, digits, '.', '_' "
                        + "and '-', starting with a letter or digit");
        assertRefused(home.run("plugin", "start", "file:a\u001b[2Jb"), ExitCode.USAGE,
                "infrakit: 'file:a\\u001B[2Jb': invalid plugin name 'a\\u001B[2Jb': expected letters, digits, '.', '_' "
                        + "and '-', starting with a letter or digit");
        assertRefused(home.run("plugin", "start", "simulator:az1/compute"), ExitCode.USAGE,
                "infrakit: 'simulator:az1/compute': invalid plugin name 'az1/compute': expected "
                        + "letters, digits, '.', '_' and '-', starting with a letter or digit");
    }

    @Test
    void aNameGivenTwiceIsExitTwo() throws IOException {
        assertRefused(home.run("plugin", "start", "file:shared", "vanilla:shared"), ExitCode.USAGE,
                "infrakit: two plugins are named 'shared'; give each its own name (vanilla:OTHER)");
        assertRefused(home.run("plugin", "start", "manager:group-stateless", "group"), ExitCode.USAGE,
                "infrakit: two plugins are named 'group-stateless'; give each its own name (group:OTHER)");
    }

    @Test
    void aManagerWithoutItsGroupControllerIsExitTwo() throws IOException {
        assertRefused(home.run("plugin", "start", "manager:mystack", "file"), ExitCode.USAGE,
                "infrakit: the manager needs the group controller it fronts: add 'group'");
    }

    @Test
    void aMisspeltConfigStopsManagerStartAtItsLine() throws IOException {
        Path config = home.resolve("manager.yml");
        Files.writeString(config, "plugins: [manager:mystack, group]\nplugin-dir: /tmp\n");

        Run refused = home.run("manager", "start");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(refused.err()).isEqualTo("infrakit: " + config + ":2:1: unknown field 'plugin-dir'; known: plugins, "
                + "processes, leaveProcessesRunning\n");
        assertThat(home.resolve("manager.ready")).doesNotExist();
        assertThat(Files.readString(config)).isEqualTo("plugins: [manager:mystack, group]\nplugin-dir: /tmp\n");
    }

    private void assertRefused(Run run, int exitCode, String message) throws IOException {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err()).as(run.toString()).isEqualTo(message + "\n");
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(home.resolve("manager.yml")).as("no config written").doesNotExist();
        assertThat(home.resolve("manager.ready")).as("no manager started").doesNotExist();
        try (Stream<Path> files = Files.list(Path.of(home.toString()))) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).as("nothing written to the home")
                    .isEqualTo(List.of());
        }
    }
}
