package io.infrakit.e2e;

import io.infrakit.testkit.git.GitServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The quickstart playbook added from a real git daemon and run through the launcher, then offline. */
class PlaybookFromGitE2E {

    TemporaryHome home;
    Launcher infrakit;
    GitServer server;

    @BeforeEach
    void serveTheQuickstart() throws IOException {
        home = TemporaryHome.create("ik-git", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "500ms"));
        infrakit = home.launcher();
        server = GitServer.start(home.resolve("git"));
        server.publish(Launcher.ROOT.resolve("examples/playbooks/quickstart"), "quickstart");
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        home.close();
    }

    @Test
    void addedFromGitItRunsToConvergenceAndStillRunsWithTheDaemonGone() throws IOException {
        Launcher.Result added = infrakit.run("playbook", "add", "qs", server.url("quickstart.git") + "#main");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).startsWith("added qs " + server.url("quickstart.git"));
        assertThat(added.err()).isEmpty();

        Launcher.Result listed = infrakit.run("playbook", "ls");
        assertThat(listed.out()).contains("qs", server.url("quickstart.git"), "main");

        Launcher.Result help = infrakit.run("playbook", "run", "qs", "up", "--help");
        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("size", "how many web instances", "workers", "version");

        Launcher.Result up = infrakit.run("playbook", "run", "qs", "up", "--accept-defaults", "--workers", "1",
                "--wait", "60s");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("group web: committed: ", "group worker: committed: ");
        assertThat(home.instanceFiles()).hasSize(4);
        Launcher.Result described = infrakit.run("group", "describe", "web", "-o", "json");
        assertThat(described.out()).contains("\"Converged\" : true");

        server.close();
        Launcher.Result offline = infrakit.run("playbook", "run", "qs", "up", "--accept-defaults", "--print-only");
        assertThat(offline.exitCode()).as(offline.toString()).isZero();
        assertThat(offline.out()).contains("group web:", "\"Size\" : 3");

        Launcher.Result taken = infrakit.run("playbook", "add", "qs", server.url("quickstart.git"));
        assertThat(taken.exitCode()).as(taken.toString()).isEqualTo(2);
        assertThat(taken.err().lines()).hasSize(1);
    }

    @Test
    void aFailedFetchOverSshIsOneLineWithoutTheChatterOfJgitAndSshd() {
        // the git daemon's port: it takes the connection and hangs up on ssh's greeting
        String port = server.url("quickstart.git").replaceFirst("^git://127\\.0\\.0\\.1:(\\d+)/.*", "$1");

        Launcher.Result added = infrakit.run("playbook", "add", "far", "ssh://git@127.0.0.1:" + port + "/qs.git");

        assertThat(added.exitCode()).as(added.toString()).isEqualTo(5);
        assertThat(added.err()).startsWith("infrakit: cannot fetch ssh://git@127.0.0.1:" + port + "/qs.git: ");
        assertThat(added.err().lines()).as(added.err()).hasSize(1);
    }

    @Test
    void aPlaybookWhoseScriptDoesNotLoadIsNotAdded() throws IOException {
        Path broken = Files.createDirectories(home.resolve("broken"));
        Files.writeString(broken.resolve("playbook.groovy"), "command('up') {\n    grup 'web', [:]\n}\nparam 'x', Klass\n");
        server.publish(broken, "broken");

        Launcher.Result added = infrakit.run("playbook", "add", "broken", server.url("broken.git"));

        assertThat(added.exitCode()).as(added.toString()).isEqualTo(3);
        assertThat(added.err().strip()).startsWith("infrakit: playbook.groovy:4:");
        assertThat(infrakit.run("playbook", "ls").out()).doesNotContain("broken");
        assertThat(home.resolve("playbooks/broken")).doesNotExist();
    }
}
