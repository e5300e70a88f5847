package io.infrakit.cli.manager;

import io.infrakit.cli.CliHome.Run;
import io.infrakit.cli.CliHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI starting a real manager process on this class path, and talking to it over its sockets. */
class ManagerProcessIT {

    CliHome home;

    @BeforeEach
    void shortHome() throws IOException {
        home = CliHome.create("ik-cli", Map.of());
    }

    @AfterEach
    void stopAndRemove() {
        home.close();
    }

    private Run run(String... args) {
        return home.run(args);
    }

    @Test
    void aCommandThatNeedsTheManagerStartsItAndSaysSoOnce() {
        Run first = run("instance", "describe", "--plugin", "simulator");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.err()).startsWith("infrakit: started the manager (pid ").contains(home.resolve("manager.log").toString());
        assertThat(first.err().lines()).hasSize(1);

        Run second = run("instance", "describe", "--plugin", "simulator");
        assertThat(second.err()).isEmpty();

        Run status = run("manager", "status", "-o", "json");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("\"Running\" : true");
    }

    @Test
    void theManagersLogLinesCarryTheirTimeAndJettyKeepsQuiet() {
        assertThat(run("manager", "start").exitCode()).isZero();

        Run logs = run("manager", "logs");

        assertThat(logs.exitCode()).isZero();
        assertThat(logs.out()).doesNotContain("org.eclipse.jetty");
        assertThat(logs.out().lines().filter(line -> line.matches(".*\\] (INFO|WARN|ERROR) .*")).toList())
                .isNotEmpty()
                .allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) \\[.*"));
    }

    @Test
    void instancesLiveInTheManagerBetweenCommands() throws IOException {
        assertThat(run("manager", "start").exitCode()).isZero();
        Path spec = home.resolve("spec.json");
        Files.writeString(spec, "{\"Properties\":{\"n\":1},\"Tags\":{\"a\":\"b\"},\"LogicalID\":\"10.0.0.9\"}");

        Run provisioned = run("instance", "provision", "--plugin", "simulator/compute", spec.toString());
        assertThat(provisioned.exitCode()).as(provisioned.toString()).isZero();
        String id = provisioned.out().trim();
        assertThat(id).startsWith("compute-");

        Run described = run("instance", "describe", "--plugin", "simulator/compute", "--tags", "a=b");
        assertThat(described.out()).contains(id).contains("10.0.0.9").contains("a=b");
        assertThat(run("instance", "describe", "--plugin", "simulator/net").out().lines()).hasSize(1);

        assertThat(run("instance", "destroy", "--plugin", "simulator/compute", id).exitCode()).isZero();
        Run unknown = run("instance", "destroy", "--plugin", "simulator/compute", id);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("infrakit: instance " + id + " not found\n");
    }

    @Test
    void anUnknownPluginTypeNamesTheKnownOnes() {
        assertThat(run("manager", "start").exitCode()).isZero();

        Run run = run("instance", "describe", "--plugin", "simulator/gpu");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("unknown plugin 'simulator/gpu'; known: simulator, simulator/compute, simulator/disk, simulator/net");
    }
}
