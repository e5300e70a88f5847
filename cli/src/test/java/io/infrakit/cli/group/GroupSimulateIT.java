package io.infrakit.cli.group;

import io.infrakit.cli.CliHome.Run;
import io.infrakit.cli.CliHome;
import io.infrakit.cli.ExitCode;
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

/** {@code group commit --simulate} against a real manager: it predicts from the group's members, touching none. */
class GroupSimulateIT {

    CliHome home;

    @BeforeEach
    void shortHome() throws IOException {
        home = CliHome.create("ik-sim", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "1s"));
    }

    @AfterEach
    void stopAndRemove() {
        home.close();
    }

    private Run run(String... args) {
        return home.run(args);
    }

    private Path spec(String name, int size, String version) throws IOException {
        Path file = home.resolve(name);
        Files.writeString(file, "{\"ID\": \"web\", \"Properties\": {\"Allocation\": {\"Size\": " + size + "},"
                + " \"Instance\": {\"Plugin\": \"file\", \"Properties\": {\"Version\": \"" + version + "\"}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\"}, \"Updating\": {\"MaxSurge\": 2}}}");
        return file;
    }

    private List<Path> instanceFiles() throws IOException {
        Path dir = home.resolve("instances/file");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.getFileName().toString().startsWith("instance-")).sorted().toList();
        }
    }

    @Test
    void aNewGroupIsSimulatedFromZeroAndNothingIsCreated() throws IOException {
        Run run = run("group", "commit", "--simulate", "--provision-time", "10s", "--healthy-time", "20s",
                spec("v1.json", 4, "1").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Simulating web: Managing 4 instances\n")
                .contains("each provision and destroy takes 10s, a new instance is healthy 20s after it is "
                        + "provisioned, the controller polls every 1s")
                .contains("Predicted: 0 batches, converged with all 4 instances healthy after 30s (ETA ");
        assertThat(instanceFiles()).isEmpty();
        assertThat(run("group", "ls").out()).doesNotContain("web");
    }

    @Test
    void aChangedSpecIsSimulatedAgainstTheCurrentMembers() throws IOException {
        Run committed = run("group", "commit", spec("v1.json", 4, "1").toString(), "--wait", "60s");
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        List<Path> before = instanceFiles();

        Run run = run("group", "commit", "--simulate", spec("v2.json", 4, "2").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Simulating web: Performing a rolling update on 4 instances\n")
                .contains("AT", "REPLACED SO FAR")
                .contains("Predicted: 2 batches, converged with all 4 instances healthy after ")
                .contains("at most 6 instances at once");
        assertThat(instanceFiles()).isEqualTo(before);
    }

    @Test
    void anInvalidSpecIsRefusedBeforeAnySimulation() throws IOException {
        Path bad = home.resolve("bad.json");
        Files.writeString(bad, "{\"ID\": \"bad\", \"Properties\": {\"Allocation\": {\"Size\": 1, \"LogicalIDs\": [\"a\"]},"
                + " \"Instance\": {\"Plugin\": \"file\"}, \"Flavor\": {\"Plugin\": \"vanilla\"}}}");

        Run run = run("group", "commit", "--simulate", bad.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(run.err()).contains("Only one Allocation method may be used");
        assertThat(run.out()).isEmpty();
    }
}
