package io.infrakit.cli.playbook;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile `playbook run`s against a real manager process (docs/security.md): a secret parameter's value never
 * shows on stdout or stderr, in the manager's log or in any instance's tags; a runaway script is a one-line time-out.
 */
class PlaybookRunHostileIT {

    static final String SECRET = "S3CRETpw";

    CliHome home;
    Path playbook;

    @BeforeEach
    void playbookWithASecret() throws IOException {
        home = CliHome.create("ik-secrets", Map.of());
        playbook = home.resolve("pb");
        write("playbook.groovy", """
                param 'password', String, secret: true, description: 'the database password'
                command('up') { group 'db', template('groups/db.json.ftl') }
                command('bad') { group 'db', template('groups/bad.json.ftl') }
                command('tag') { group 'db', template('groups/tag.json.ftl') }
                """);
        write("groups/db.json.ftl", group("1", "\"Note\": \"pw ${password}\"", "\"Init\": [\"echo ${password}\"]"));
        write("groups/bad.json.ftl", group("\"${password}\"", "\"Note\": \"x\"", "\"Init\": [\"x\"]"));
        write("groups/tag.json.ftl", group("1", "\"Note\": \"x\"", "\"Tags\": {\"owner\": \"ops-${password}\"}"));
    }

    @AfterEach
    void stopAndRemove() {
        home.close();
    }

    @Test
    void aSecretInAValidationErrorIsMaskedOnStderr_andNeverReachesTheManagersLog() throws Exception {
        assertThat(run("manager", "start").exitCode()).isZero();
        Run pretend = run("playbook", "run", playbook.toString(), "bad", "--password", SECRET, "--pretend");
        Run commit = run("playbook", "run", playbook.toString(), "bad", "--password", SECRET);

        for (Run bad : List.of(pretend, commit)) {
            assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCode.INVALID_SPEC);
            assertThat(bad.err()).as(bad.toString()).isEqualTo(
                    "infrakit: Invalid properties: Allocation.Size: expected a non-negative integer, got \"******\"\n");
            assertThat(bad.out()).doesNotContain(SECRET);
        }
        // Restarted, the manager commits what it stored again; the refused spec is not among it.
        assertThat(run("manager", "stop").exitCode()).isZero();
        assertThat(run("manager", "start").exitCode()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(home.resolve("manager.log"))
                .contains("committed the stored groups again"));
        assertNoSecretInTheManagersLogOrTags();
    }

    @Test
    void printOnlyAndARunShowTheSecretMasked_whileTheInstanceGetsItsValue() throws Exception {
        Run printOnly = run("playbook", "run", playbook.toString(), "up", "--password", SECRET, "--print-only");

        assertThat(printOnly.exitCode()).as(printOnly.toString()).isZero();
        assertThat(printOnly.out()).contains("\"Note\" : \"pw ******\"", "\"echo ******\"").doesNotContain(SECRET);
        assertThat(printOnly.err()).isEmpty();
        assertThat(home.resolve("manager.pid")).doesNotExist();

        Run up = run("playbook", "run", playbook.toString(), "up", "--password", SECRET, "--wait", "60s");

        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out() + up.err()).doesNotContain(SECRET);
        List<JsonNode> instances = instances();
        assertThat(instances).hasSize(1);
        assertThat(instances.get(0).toString()).contains("pw " + SECRET);
        assertNoSecretInTheManagersLogOrTags();
    }

    @Test
    void aSecretBoundForATagIsRefusedBeforeAnythingIsCommitted() throws Exception {
        Run tag = run("playbook", "run", playbook.toString(), "tag", "--password", SECRET);

        assertThat(tag.exitCode()).as(tag.toString()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(tag.err()).isEqualTo("infrakit: groups/tag.json.ftl: Properties.Flavor.Properties.Tags.owner holds "
                + "the value of secret parameter 'password'; tags, group IDs and logical IDs are shown to anyone who "
                + "lists instances\n");
        assertThat(tag.out()).isEmpty();
        assertThat(home.resolve("manager.pid")).doesNotExist();
        assertThat(instances()).isEmpty();
    }

    @Test
    void aSecretOfTheWrongTypeIsNeverEchoed() {
        write("playbook.groovy", "param 'pin', Integer, secret: true\ncommand('up') { }\n");

        Run run = run("playbook", "run", playbook.toString(), "up", "--pin", SECRET);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(run.err()).isEqualTo("infrakit: parameter 'pin' expects an integer, got '******'\n");
    }

    @Test
    void aRunawayScriptIsATimeOutAtItsLine_oneLineAndExit3() {
        write("playbook.groovy", "command('up') {\n    while (true) { }\n}\n");

        Run run = run("playbook", "run", playbook.toString(), "up");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(run.err()).isEqualTo("infrakit: playbook.groovy:2: timed out after 10s (time limit)\n");
        assertThat(run.out()).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                thread -> thread.getName().startsWith("playbook-sandbox-") && thread.isAlive());
    }

    @Test
    void aPretendRunAsJsonOrYamlIsOneDocumentOfWhatItWouldDo_secretMasked_nothingCommitted() throws Exception {
        assertThat(run("manager", "start").exitCode()).isZero();

        Run json = run("playbook", "run", playbook.toString(), "up", "--password", SECRET, "--pretend", "-o", "json");
        Run yaml = run("playbook", "run", playbook.toString(), "up", "--password", SECRET, "--pretend", "-o", "yaml");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(yaml.exitCode()).as(yaml.toString()).isZero();
        JsonNode document = Json.mapper().readTree(json.out());
        assertThat(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml.out())).isEqualTo(document);
        assertThat(document.get("Playbook").asText()).isEqualTo(playbook.toString());
        assertThat(document.get("Command").asText()).isEqualTo("up");
        assertThat(document.at("/Parameters/password").asText()).isEqualTo("******");
        JsonNode commit = document.at("/Steps/0");
        assertThat(commit.get("Action").asText()).isEqualTo("CommitGroup");
        assertThat(commit.get("Target").asText()).isEqualTo("db");
        assertThat(commit.at("/Spec/Properties/Instance/Properties/Note").asText()).isEqualTo("pw ******");
        assertThat(commit.get("Plan").asText()).isEqualTo("Managing 1 instances");
        assertThat(json.out() + json.err() + yaml.out() + yaml.err()).doesNotContain(SECRET);
        assertThat(run("group", "ls").out()).doesNotContain("db");
        assertThat(instances()).isEmpty();
    }

    @Test
    void aDocumentOfARunThatActsIsAUsageError_andNothingChanges() throws Exception {
        Run json = run("playbook", "run", playbook.toString(), "up", "--password", SECRET, "-o", "json");

        assertThat(json.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(json.err()).isEqualTo("infrakit: playbook run: -o json needs --pretend or --print-only\n");
        assertThat(json.out()).isEmpty();
        assertThat(home.resolve("manager.pid")).doesNotExist();
    }

    private void assertNoSecretInTheManagersLogOrTags() throws IOException {
        assertThat(Files.readString(home.resolve("manager.log"))).doesNotContain(SECRET);
        for (JsonNode instance : instances()) {
            assertThat(instance.path("Tags").toString()).doesNotContain(SECRET);
        }
    }

    private List<JsonNode> instances() throws IOException {
        Path directory = home.resolve("instances").resolve("file");
        List<JsonNode> instances = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    instances.add(Json.mapper().readTree(file.toFile()));
                }
            }
        }
        return instances;
    }

    private static String group(String size, String instanceProperty, String flavorProperty) {
        return """
                {"ID": "db", "Properties": {"Allocation": {"Size": %s},
                  "Instance": {"Plugin": "file", "Properties": {%s}},
                  "Flavor": {"Plugin": "vanilla", "Properties": {%s}}}}
                """.formatted(size, instanceProperty, flavorProperty);
    }

    private Run run(String... args) {
        return home.run(args);
    }

    private void write(String relative, String text) {
        try {
            Path file = playbook.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
