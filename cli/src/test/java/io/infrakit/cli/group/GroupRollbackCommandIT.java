package io.infrakit.cli.group;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.cli.CliHome.Run;
import io.infrakit.cli.CliHome;
import io.infrakit.cli.ExitCode;
import io.infrakit.spi.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `group rollback` against a real manager process, over its socket, as a user runs it. */
class GroupRollbackCommandIT {

    CliHome home;

    @BeforeEach
    void shortHome() throws IOException {
        home = CliHome.create("ik-rollback", Map.of());
    }

    @AfterEach
    void stopAndRemove() {
        home.close();
    }

    private Run run(String... args) {
        return home.run(args);
    }

    @Test
    void anUnknownRevisionIsBadInputNamingTheGroupTheRevisionAndTheRevisionsThereAre() throws IOException {
        assertThat(run("manager", "start").exitCode()).isZero();
        Path spec = home.resolve("web.json");
        Files.writeString(spec, """
                {"ID": "web", "Properties": {"Allocation": {"Size": 1},
                  "Instance": {"Plugin": "simulator", "Properties": {"note": "v1"}},
                  "Flavor": {"Plugin": "vanilla"}}}
                """);
        Run commit = run("group", "commit", spec.toString());
        assertThat(commit.exitCode()).as(commit.toString()).isZero();
        Run history = run("group", "history", "web", "-o", "json");
        assertThat(history.exitCode()).as(history.toString()).isZero();
        List<String> revisions = new ArrayList<>();
        Json.mapper().readTree(history.out()).forEach((JsonNode revision) -> revisions.add(revision.get("ID").asText()));
        assertThat(revisions).hasSize(1);

        Run unknown = run("group", "rollback", "web", "--to", "nope");

        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(unknown.err()).isEqualTo("infrakit: Group 'web' has no revision 'nope'; its revisions: "
                + revisions.get(0) + "\n");
        assertThat(unknown.out()).isEmpty();
    }
}
