package io.infrakit.e2e;

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
    Path repositories;
    GitDaemon daemon;

    @BeforeEach
    void serveTheQuickstart() throws IOException {
        GitDaemon.requireGit();
        home = TemporaryHome.create("ik-git", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "500ms"));
        infrakit = home.launcher();
        repositories = Files.createDirectories(home.resolve("served"));
        GitDaemon.publish(Launcher.ROOT.resolve("examples/playbooks/quickstart"), repositories, "quickstart");
        daemon = GitDaemon.serve(repositories);
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
        home.close();
    }

    @Test
    void addedFromGitItRunsToConvergenceAndStillRunsWithTheDaemonGone() throws IOException {
        Launcher.Result added = infrakit.run("playbook", "add", "qs", daemon.url("quickstart.git") + "#main");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).startsWith("added qs " + daemon.url("quickstart.git"));

        Launcher.Result listed = infrakit.run("playbook", "ls");
        assertThat(listed.out()).contains("qs", daemon.url("quickstart.git"), "main");

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

        daemon.close();
        Launcher.Result offline = infrakit.run("playbook", "run", "qs", "up", "--accept-defaults", "--print-only");
        assertThat(offline.exitCode()).as(offline.toString()).isZero();
        assertThat(offline.out()).contains("group web:", "\"Size\" : 3");

        Launcher.Result unknown = infrakit.run("playbook", "add", "qs", daemon.url("quickstart.git"));
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
    }
}
