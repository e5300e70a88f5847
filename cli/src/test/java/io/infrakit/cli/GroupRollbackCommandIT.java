package io.infrakit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `group rollback` against a real manager process, over its socket, as a user runs it. */
class GroupRollbackCommandIT {

    Path home;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void shortHome() throws IOException {
        home = Files.createTempDirectory(Path.of("/tmp"), "ik-rollback");
    }

    @AfterEach
    void stopAndRemove() throws IOException {
        run("manager", "stop");
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("INFRAKIT_HOME", home.toString()), args);
        return new Run(code, out.toString(), err.toString());
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
