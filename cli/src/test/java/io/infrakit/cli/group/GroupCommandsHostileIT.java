package io.infrakit.cli.group;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.cli.CliHome.Run;
import io.infrakit.cli.CliHome;
import io.infrakit.cli.ExitCode;
import io.infrakit.spi.Identifiers;
import io.infrakit.spi.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input to the group and instance commands, against a real manager process on the file plugin
 * (docs/security.md): each case checks the exit code, that stderr is one line with no stack trace and nothing raw, and
 * that nothing changed: the stored specs and revisions under configs, the instance files, and `group ls`.
 */
class GroupCommandsHostileIT {

    private static final String GOOD = """
            {"ID": "cattle", "Properties": {"Allocation": {"Size": 2},
              "Instance": {"Plugin": "file", "Properties": {"Note": "v1"}},
              "Flavor": {"Plugin": "vanilla"}}}
            """;

    /** The instance plugins the manager serves: an unknown one is listed among them and no other kind. */
    private static final String INSTANCE_PLUGINS =
            "aws, aws/ec2-instance, docker, file, qemu, simulator, simulator/compute, simulator/disk, simulator/net";

    CliHome home;

    @BeforeEach
    void managerWithAGroup() throws IOException {
        home = CliHome.create("ik-hostile", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "200ms"));
        Run committed = run("group", "commit", write("good.json", GOOD).toString(), "--wait", "60s");
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        assertThat(instanceFiles()).hasSize(2);
    }

    @AfterEach
    void stopAndRemove() {
        home.close();
    }

    @Test
    void aSizeOfFiveIsRefusedStoresNothingAndTheGroupSurvivesARestart() throws IOException {
        Map<String, String> before = state();
        String listed = ls();

        Run refused = run("group", "commit", write("five.json", GOOD.replace("\"Size\": 2", "\"Size\": \"five\"")).toString());

        assertOneLineError(refused, ExitCode.INVALID_SPEC,
                "infrakit: Invalid properties: Allocation.Size: expected a non-negative integer, got \"five\"");
        assertThat(state()).isEqualTo(before);
        assertThat(ls()).isEqualTo(listed);

        assertThat(run("manager", "stop").exitCode()).isZero();
        assertThat(run("manager", "start").exitCode()).isZero();

        assertThat(ls()).isEqualTo(listed);
        assertThat(state()).isEqualTo(before);
        Path lost = instanceFiles().get(0);
        Files.delete(lost);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(instanceFiles()).hasSize(2).doesNotContain(lost));
        Run destroyed = run("group", "destroy", "cattle");
        assertThat(destroyed.exitCode()).as(destroyed.toString()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(instanceFiles()).isEmpty());
    }

    @Test
    void anUnknownPluginIsExitFourFromCommitAndProvisionAndLeavesNoPhantomGroup() throws IOException {
        Map<String, String> before = state();
        String listed = ls();
        Path ghost = write("ghost.json", GOOD.replace("cattle", "ghost").replace("\"file\"", "\"nosuch\""));

        Run commit = run("group", "commit", ghost.toString());
        Run provision = run("instance", "provision", "--plugin", "nosuch", write("instance.json", "{\"Properties\": {}}").toString());

        assertOneLineError(commit, ExitCode.PLUGIN, "infrakit: Failed to find Instance plugin 'nosuch':unknown plugin"
                + " 'nosuch'; known: " + INSTANCE_PLUGINS);
        assertOneLineError(provision, ExitCode.PLUGIN, "infrakit: unknown plugin 'nosuch'; known: " + INSTANCE_PLUGINS);
        assertThat(state()).isEqualTo(before);
        assertThat(run("manager", "stop").exitCode()).isZero();
        assertThat(run("manager", "start").exitCode()).isZero();
        assertThat(ls()).isEqualTo(listed).doesNotContain("ghost");
    }

    @Test
    void anUnknownFlavorPluginNamesTheOneMeantAndListsTheFlavorPluginsOnly() throws IOException {
        Map<String, String> before = state();

        Run commit = run("group", "commit", write("vanila.json", GOOD.replace("\"vanilla\"", "\"vanila\"")).toString());

        assertOneLineError(commit, ExitCode.PLUGIN,
                "infrakit: Failed to find Flavor plugin 'vanila':unknown plugin 'vanila'; did you mean 'vanilla'? known: combo, swarm/manager, swarm/worker, vanilla");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aMisspeltFieldOfTheSpecIsRefusedAtItsLineAndColumnWithTheFieldItMeant() throws IOException {
        Map<String, String> before = state();
        String listed = ls();
        String misspelt = GOOD.replace("\"Allocation\"", "\"Alocation\"");
        Path json = write("misspelt.json", misspelt);
        Path yaml = write("misspelt.yml", """
                ID: cattle
                Properties:
                  Allocation: {Size: 3}
                  Updating: {MaxSurge: 1, MaxUnavialable: 0}
                  Instance: {Plugin: file}
                  Flavor: {Plugin: vanilla}
                """);

        assertOneLineError(run("group", "commit", json.toString()), ExitCode.INVALID_SPEC, "infrakit: " + json + ":1:"
                + (misspelt.indexOf("\"Alocation\"") + 1) + ": unknown field 'Alocation'; did you mean 'Allocation'?");
        assertOneLineError(run("group", "commit", "--pretend", yaml.toString()), ExitCode.INVALID_SPEC,
                "infrakit: " + yaml + ":4:27: unknown field 'MaxUnavialable'; did you mean 'MaxUnavailable'?");
        assertThat(state()).isEqualTo(before);
        assertThat(ls()).isEqualTo(listed);
    }

    @Test
    void anUnknownGroupIsExitThreeNamingTheGroupsThereAreForEveryCommand() throws IOException {
        Map<String, String> before = state();
        List<List<String>> commands = List.of(List.of("describe"), List.of("scale"), List.of("scale", "ID", "3"),
                List.of("destroy"), List.of("free"), List.of("history"), List.of("pause"), List.of("resume"),
                List.of("rollback"), List.of("watch"), List.of("destroy-instances", "ID", "instance-1"));
        Map<String, String> messages = Map.of(
                "cattel", "infrakit: no group 'cattel'; did you mean 'cattle'? groups: cattle",
                "nope", "infrakit: no group 'nope'; groups: cattle");
        for (Map.Entry<String, String> unknown : messages.entrySet()) {
            for (List<String> command : commands) {
                List<String> args = new ArrayList<>(List.of("group", command.get(0), unknown.getKey()));
                args.addAll(command.subList(Math.min(2, command.size()), command.size()));

                assertOneLineError(run(args.toArray(String[]::new)), ExitCode.INVALID_SPEC, unknown.getValue());
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void specsAnOlderBuildStoredAreSetAsideOrListedAsNotManagedAndBreakNoOtherGroup() throws IOException {
        String listed = ls();
        assertThat(run("manager", "stop").exitCode()).isZero();
        Path stored = home.resolve("configs/global.config");
        ArrayNode specs = (ArrayNode) Json.mapper().readTree(stored.toFile());
        JsonNode cattle = specs.get(0);
        specs.add(renamed(cattle, "five", "/Record/Spec/properties/Allocation/Size", "five"));
        specs.add(renamed(cattle, "ghost", "/Record/Spec/properties/Instance/Plugin", "nosuch"));
        specs.add(renamed(cattle, "red\u001b[31m", "/Record/Spec/properties/Allocation/Size", 1));
        Files.writeString(stored, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(specs));

        assertThat(run("manager", "start").exitCode()).isZero();
        Run ls = run("group", "ls");

        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.out().lines().toList()).hasSize(3).element(0).isEqualTo(listed.lines().findFirst().orElseThrow());
        assertThat(ls.out().lines().skip(1).map(line -> line.split(" +")).map(List::of).toList())
                .containsExactly(List.of("cattle", "2", "true"), List.of("ghost", "-", "false"));
        assertThat(ls.err()).isEqualTo("infrakit: plugin 'group' Group.DescribeGroup: Group 'ghost' is not being watched\n");
        assertThat(Json.mapper().readTree(home.resolve("configs/rejected.config").toFile()).findValuesAsText("Name"))
                .containsExactlyInAnyOrder("five", "red\u001b[31m");
        assertThat(instanceFiles()).hasSize(2);
        Run free = run("group", "free", "ghost");
        assertThat(free.exitCode()).as(free.toString()).isZero();
        assertThat(ls()).isEqualTo(listed);
    }

    /** A copy of a stored group entry under another name, with one field of its spec changed. */
    private static JsonNode renamed(JsonNode entry, String name, String pointer, Object value) {
        ObjectNode copy = entry.deepCopy();
        ((ObjectNode) copy.get("Key")).put("Name", name);
        ((ObjectNode) copy.at("/Record/Spec/metadata")).put("name", name);
        JsonPointer field = JsonPointer.compile(pointer);
        ((ObjectNode) copy.at(field.head())).set(field.last().getMatchingProperty(), Json.mapper().valueToTree(value));
        return copy;
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "", "a/\u001b[2J", "x y"})
    void aPluginNameThatCannotNameAPluginIsAUsageError(String name) throws IOException {
        Map<String, String> before = state();
        String message = "infrakit: --plugin: invalid plugin name '" + Identifiers.escape(name)
                + "': expected lookup[/type], the lookup of letters, digits, '.', '_' and '-'";

        assertOneLineError(run("instance", "describe", "--plugin", name), ExitCode.USAGE, message);
        assertOneLineError(run("instance", "destroy", "--plugin", name, "instance-1"), ExitCode.USAGE, message);
        assertOneLineError(run("instance", "provision", "--plugin", name, write("instance.json", "{}").toString()),
                ExitCode.USAGE, message);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aNegativeSizeIsAUsageErrorAndChangesNothing() throws IOException {
        Map<String, String> before = state();

        Run run = run("group", "scale", "cattle", "-5");

        assertOneLineError(run, ExitCode.USAGE, "infrakit: group scale cattle: the size must be 0 or more, got -5");
        assertThat(state()).isEqualTo(before);
        assertThat(run("group", "scale", "cattle").out()).isEqualTo("Group cattle at 2 instances\n");
    }

    @Test
    void destroyInstancesWithIdsThatAreNotMembersDestroysNothing() throws IOException {
        Map<String, String> before = state();
        String member = instanceFiles().get(0).getFileName().toString();

        Run unknown = run("group", "destroy-instances", "cattle", "instance-1", member, "nope");

        assertOneLineError(unknown, ExitCode.INVALID_SPEC,
                "infrakit: Group 'cattle' has no instances instance-1, nope; nothing was destroyed");
        assertThat(unknown.out()).doesNotContain("Initiated.");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aSpecFileThatIsNotUtf8NamesTheFileAndTheOffset() throws IOException {
        Map<String, String> before = state();
        Path latin1 = home.resolve("latin1.json");
        Files.write(latin1, "{\"ID\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));

        Run commit = run("group", "commit", latin1.toString());
        Run provision = run("instance", "provision", "--plugin", "file", latin1.toString());

        assertOneLineError(commit, ExitCode.INVALID_SPEC, "infrakit: " + latin1 + ": not UTF-8: byte 0xE9 at offset 11");
        assertOneLineError(provision, ExitCode.INVALID_SPEC, "infrakit: " + latin1 + ": not UTF-8: byte 0xE9 at offset 11");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void groupIdsThatCannotBeFileNamesOrThatSteerTheTerminalAreRefusedOnCommit() throws IOException {
        Map<String, String> before = state();
        String listed = ls();
        Map<String, String> ids = Map.of(
                "a".repeat(10_000), "too long: 10000 characters, at most 128",
                "red\\u001b[31m", "holds a control character (U+001B) at position 4",
                "nul\\u0000", "holds a control character (U+0000) at position 4",
                "two\\nlines", "holds a control character (U+000A) at position 4",
                "abc\\u202Etxt.exe", "holds an invisible formatting character such as a bidi override (U+202E) at position 4",
                "../configs", "holds '.' at position 1");
        for (Map.Entry<String, String> id : ids.entrySet()) {
            Path spec = write("hostile.json", GOOD.replace("\"cattle\"", "\"" + id.getKey() + "\""));

            Run run = run("group", "commit", spec.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_SPEC);
            assertThat(run.err()).as(run.toString()).startsWith("infrakit: " + spec + ":").contains(id.getValue())
                    .hasLineCount(1).doesNotContain("\u001b", "\u0000", "\u202e", "a".repeat(65));
            assertThat(Identifiers.firstUnsafe(run.err().strip())).isEqualTo(-1);
        }
        assertThat(state()).isEqualTo(before);
        assertThat(ls()).isEqualTo(listed);
    }

    @Test
    void groupIdArgumentsAreCheckedTheSameWayByEveryCommand() throws IOException {
        Map<String, String> before = state();
        List<String> hostile = List.of("red\u001b[31m", "two\nlines", "abc\u202Etxt", "a".repeat(10_000), "../x");
        List<List<String>> commands = List.of(List.of("describe"), List.of("scale"), List.of("scale", "ID", "3"),
                List.of("destroy"), List.of("free"), List.of("history"), List.of("pause"), List.of("resume"),
                List.of("rollback"), List.of("watch"), List.of("destroy-instances", "ID", "instance-1"));
        for (String id : hostile) {
            for (List<String> command : commands) {
                List<String> args = new ArrayList<>(List.of("group", command.get(0), id));
                args.addAll(command.subList(Math.min(2, command.size()), command.size()));

                Run run = run(args.toArray(String[]::new));

                assertThat(run.exitCode()).as(args.get(1) + " " + Identifiers.escape(id) + ": " + run)
                        .isEqualTo(ExitCode.INVALID_SPEC);
                assertThat(run.err()).startsWith("infrakit: Group ID \"").hasLineCount(1)
                        .doesNotContain("\u001b", "\u202e", "a".repeat(65));
                assertThat(Identifiers.firstUnsafe(run.err().strip())).isEqualTo(-1);
                assertThat(run.out()).isEmpty();
            }
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void instanceIdsThatSteerTheTerminalAreRefusedBeforeAnyIsDestroyed() throws IOException {
        Map<String, String> before = state();
        String member = instanceFiles().get(0).getFileName().toString();

        Run run = run("instance", "destroy", "--plugin", "file", member, "evil\u001b]0;owned\u0007");

        assertOneLineError(run, ExitCode.INVALID_SPEC, "infrakit: an instance ID \"evil\\u001B]0;owned\\u0007\" holds a"
                + " control character (U+001B) at position 5");
        assertThat(state()).isEqualTo(before);
    }

    private static void assertOneLineError(Run run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err()).as(run.toString()).isEqualTo(message + "\n");
        assertThat(run.out()).as(run.toString()).isEmpty();
    }

    private Run run(String... args) {
        return home.run(args);
    }

    private String ls() {
        Run ls = run("group", "ls");
        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.err()).isEmpty();
        return ls.out();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(home.resolve(name), text);
    }

    private List<Path> instanceFiles() {
        Path dir = home.resolve("instances/file");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("instance-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What must not change: every file under configs (the journal only by name: it records health as it is
     * observed; the temporary files of atomic writes not at all) and every instance file with its content.
     */
    private Map<String, String> state() throws IOException {
        Map<String, String> state = new TreeMap<>();
        for (Path root : List.of(home.resolve("configs"), home.resolve("instances/file"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(file -> !file.getFileName().toString().startsWith(".")).toList()) {
                    state.put(home.resolve("").relativize(file).toString(),
                            file.endsWith("journal.json") ? "" : Files.readString(file));
                }
            }
        }
        return state;
    }
}
