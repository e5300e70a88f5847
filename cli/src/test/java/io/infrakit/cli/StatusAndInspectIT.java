package io.infrakit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.cli.CliHome.Run;
import io.infrakit.spi.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code status}, {@code group inspect} and {@code group commit --pretend}'s diff against a real manager. */
class StatusAndInspectIT {

    CliHome home;

    @BeforeEach
    void shortHome() throws IOException {
        home = CliHome.create("ik-st", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "1s"));
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
                + " \"Flavor\": {\"Plugin\": \"vanilla\"}}}");
        return file;
    }

    private Run commit(Path spec) {
        Run committed = run("group", "commit", spec.toString(), "--wait", "60s");
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        return committed;
    }

    @Test
    void statusWithoutAManagerSaysSoStartsNoneAndExitsZero() {
        Run run = run("status");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("manager: not running (home " + home + ")")
                .contains("groups: (none committed)");
        assertThat(run("manager", "status").exitCode()).isEqualTo(ExitCode.MANAGER);
    }

    @Test
    void statusShowsTheManagerItsPluginsAndEachGroupsPhaseAndCounts() throws IOException {
        commit(spec("v1.json", 2, "1"));

        Run run = run("status");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("manager: running \\(pid \\d+, up [^,]+, home " + home + "\\)")
                .containsPattern("plugins: .*file.*group.*vanilla")
                .containsPattern("\nweb +Converged +2 +2 +2 +2 +0");
        JsonNode json = Json.mapper().readTree(run("status", "-o", "json").out());
        assertThat(json.get("Manager").get("Running").asBoolean()).isTrue();
        assertThat(json.get("Manager").get("Pid").asLong()).isPositive();
        assertThat(json.get("Plugins").findValuesAsText("Name")).contains("file", "vanilla");
        assertThat(json.get("Groups").get(0).get("ID").asText()).isEqualTo("web");
        assertThat(json.get("Groups").get(0).get("Status").get("Healthy").asInt()).isEqualTo(2);
    }

    @Test
    void statusAfterTheManagerStoppedListsTheCommittedGroupsWithoutPhases() throws IOException {
        commit(spec("v1.json", 1, "1"));
        assertThat(run("manager", "stop").exitCode()).isZero();

        Run run = run("status");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("manager: not running")
                .containsPattern("\nweb +- +- +- +- +- +- +phase unknown: no manager is running");
        assertThat(run("manager", "status").exitCode()).as("status must not start a manager")
                .isEqualTo(ExitCode.MANAGER);
    }

    @Test
    void inspectPrintsTheCommittedSpecThatCommitTakesBack() throws IOException {
        commit(spec("v1.json", 1, "1"));

        Run json = run("group", "inspect", "web");
        Run yaml = run("group", "inspect", "web", "-o", "yaml");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(Json.mapper().readTree(json.out()))
                .isEqualTo(Json.mapper().readTree(Files.readString(home.resolve("v1.json"))));
        assertThat(yaml.out()).startsWith("ID: web\nProperties:\n").contains("Version: \"1\"");
        Path again = Files.writeString(home.resolve("again.json"), json.out());
        Run pretend = run("group", "commit", "--pretend", again.toString());
        assertThat(pretend.out()).contains("(the spec equals the committed one)");
    }

    @Test
    void inspectOfAnUnknownGroupIsExitThreeWithTheGroupsThereAre() throws IOException {
        commit(spec("v1.json", 1, "1"));

        Run run = run("group", "inspect", "db");

        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(run.err().strip()).isEqualTo("infrakit: no group 'db' is committed; groups: web");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void pretendExplainsTheRolloutByTheFieldsThatChanged() throws IOException {
        commit(spec("v1.json", 2, "1"));

        Run text = run("group", "commit", "--pretend", spec("v2.json", 3, "2").toString());
        Run json = run("group", "commit", "--pretend", "-o", "json", spec("v2.json", 3, "2").toString());

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).startsWith("Committing web would involve: ").endsWith("""
                Changes to the committed spec:
                  Allocation.Size: 2 -> 3
                  Instance.Properties.Version: "1" -> "2"
                """);
        JsonNode changes = Json.mapper().readTree(json.out()).get("Changes");
        assertThat(changes.toString()).isEqualTo("[{\"Path\":\"Allocation.Size\",\"Change\":\"changed\",\"Old\":2,"
                + "\"New\":3},{\"Path\":\"Instance.Properties.Version\",\"Change\":\"changed\",\"Old\":\"1\","
                + "\"New\":\"2\"}]");
        assertThat(run("group", "inspect", "web").out()).as("a pretend commit changes nothing").contains("\"1\"");
    }

    @Test
    void aCommitAsJsonIsOneDocumentAndItsWaitReportsOnStderr() throws IOException {
        Run run = run("group", "commit", "-o", "json", "--wait", "60s", spec("v1.json", 1, "1").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode committed = Json.mapper().readTree(run.out());
        assertThat(committed.get("ID").asText()).isEqualTo("web");
        assertThat(committed.get("Plan").asText()).isEqualTo("Managing 1 instances");
        assertThat(run.err()).contains("group web: Converged");
    }

    @Test
    void pretendOfANewGroupSaysItIsNew() throws IOException {
        Run run = run("group", "commit", "--pretend", spec("v1.json", 1, "1").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("(a new group: nothing is committed under this ID)");
        assertThat(Json.mapper().readTree(run("group", "commit", "--pretend", "-o", "json",
                home.resolve("v1.json").toString()).out()).has("Changes")).isFalse();
    }
}
