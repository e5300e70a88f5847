package io.infrakit.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a manager running, the launcher hands short commands to it to run in its warm JVM: the user sees the same
 * output, errors and exit codes as from a command run in its own JVM, relative file names still start from the
 * user's directory, and commands that read stdin or wait still run locally.
 */
class InManagerCommandsE2E {

    TemporaryHome home;
    Launcher infrakit;
    Launcher ownJvm;

    @BeforeEach
    void startManager() throws IOException {
        home = TemporaryHome.create("ik-inm", Map.of());
        infrakit = home.launcher();
        Map<String, String> local = new HashMap<>();
        local.put("INFRAKIT_HOME", home.root().toString());
        local.put("INFRAKIT_CLI_IN_MANAGER", "no");
        ownJvm = new Launcher(local);
        Launcher.Result started = infrakit.run("manager", "start");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        assertThat(home.resolve("cli.sock")).exists();
    }

    @AfterEach
    void stopManager() throws IOException {
        home.close();
    }

    @Test
    void theManagerRunsShortCommandsWithTheSameAnswersAsTheirOwnJvm() throws IOException {
        Path spec = Launcher.ROOT.resolve("tests/e2e/target/in-manager-web.json");
        Files.writeString(spec, "{\"ID\": \"web\", \"Properties\": {\"Allocation\": {\"Size\": 2},"
                + " \"Instance\": {\"Plugin\": \"simulator\", \"Properties\": {}}, \"Flavor\": {\"Plugin\": \"vanilla\"}}}");
        String relative = Launcher.ROOT.relativize(spec).toString();

        Launcher.Result committed = infrakit.run("group", "commit", relative);
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        assertThat(committed.out()).isEqualTo("Committed web: Managing 2 instances\n");

        for (String[] command : new String[][]{
                {"plugin", "ls"},
                {"group", "commit", relative, "--pretend"},
                {"group", "ls"},
                {"group", "describe", "nosuch"},
                {"group", "history", "web"},
                {"group", "rollback", "web", "--to", "nope"},
                {"group", "commit", "no-such-spec.json"},
                {"instance", "describe", "--plugin", "nosuch"}}) {
            Launcher.Result inManager = infrakit.run(command);
            Launcher.Result local = ownJvm.run(command);
            assertThat(inManager).as(String.join(" ", command)).isEqualTo(local);
        }
        assertThat(ownJvm.run("instance", "describe", "--plugin", "nosuch").exitCode()).isEqualTo(4);

        String log = Files.readString(home.resolve("manager.log"));
        assertThat(log).contains("ran 'plugin ls' for the launcher (exit 0)")
                .contains("ran 'group commit' for the launcher (exit 0)")
                .contains("ran 'group commit' for the launcher (exit 3)")
                .contains("ran 'group rollback' for the launcher (exit 3)")
                .contains("ran 'instance describe' for the launcher (exit 4)");
    }

    @Test
    void commandsThatReadStdinRunInTheirOwnJvm() throws IOException {
        Launcher.Result provisioned = infrakit.runWithInput("{\"Properties\": {}, \"Tags\": {\"via\": \"stdin\"}}",
                "instance", "provision", "--plugin", "simulator", "-");
        assertThat(provisioned.exitCode()).as(provisioned.toString()).isZero();

        Launcher.Result described = infrakit.run("instance", "describe", "--plugin", "simulator", "--tags", "via=stdin");
        assertThat(described.out()).contains(provisioned.out().trim());
        String log = Files.readString(home.resolve("manager.log"));
        assertThat(log).doesNotContain("ran 'instance provision'").contains("ran 'instance describe'");
    }

    @Test
    void stoppingTheManagerRemovesItsCommandSocket() {
        Launcher.Result stopped = infrakit.run("manager", "stop");
        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();

        assertThat(home.resolve("cli.sock")).doesNotExist();
        Launcher.Result plugins = infrakit.run("plugin", "ls");
        assertThat(plugins.exitCode()).as(plugins.toString()).isZero();
        assertThat(plugins.err()).contains("started the manager");
    }
}
