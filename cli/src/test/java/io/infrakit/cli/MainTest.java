package io.infrakit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI in this JVM, through {@link Main#run}: exit codes and what a user reads. */
class MainTest {

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("INFRAKIT_HOME", home.toString()), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionPrintsTheBuildsVersionCommitAndTime() {
        Run run = run("version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("infrakit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? "
                + "\\(commit ([0-9a-f]{7,}|unknown), built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)\\R");
        assertThat(run("--version").out()).isEqualTo(run.out());
    }

    @Test
    void versionAsJsonAndYaml() {
        assertThat(run("version", "-o", "json").out()).contains("\"Version\" : \"", "\"Commit\" : \"", "\"Built\" : \"");
        assertThat(run("version", "-o", "yaml").out()).startsWith("Version: ").contains("Commit: ", "Built: ");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run run = run("frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("infrakit: unknown command 'frobnicate'; commands: ").hasLineCount(1);
    }

    @Test
    void helpListsTheCommands() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("version", "manager", "plugin", "instance", "generate-completion");
    }

    @Test
    void aMalformedSpecFailsWithItsLineAndColumnBeforeAnythingStarts() throws Exception {
        Path spec = home.resolve("spec.json");
        Files.writeString(spec, "{\n  \"Tags\": {\"a\": \"b\"},\n  \"Init\": oops\n}\n");

        Run run = run("instance", "provision", "--plugin", "simulator", spec.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("infrakit: " + spec + ":3:");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(home.resolve("manager.pid")).doesNotExist();
    }

    @Test
    void aSpecWithAWronglyTypedFieldNamesItsPath() throws Exception {
        Path spec = home.resolve("spec.yml");
        Files.writeString(spec, "Tags:\n  - a\n");

        Run run = run("instance", "provision", "--plugin", "simulator", spec.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("infrakit: " + spec + ":2:").contains("Tags");
    }

    @Test
    void anUnknownFieldInASpecIsNamed() throws Exception {
        Path spec = home.resolve("spec.json");
        Files.writeString(spec, "{\"Propertys\": {}}");

        Run run = run("instance", "provision", "--plugin", "simulator", spec.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("Propertys");
    }

    @Test
    void aGroupSpecWithoutAnIdGetsInfrakitsMessageAndItsCoordinates() throws Exception {
        Path spec = home.resolve("group.json");
        Files.writeString(spec, "{\"ID\": \"\", \"Properties\": {}}");

        Run run = run("group", "commit", spec.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("infrakit: " + spec + ":1:8: ID: Group ID must not be blank\n");
        assertThat(home.resolve("manager.pid")).doesNotExist();
    }

    @Test
    void aMissingSpecFileIsNamed() {
        Run run = run("instance", "provision", "--plugin", "simulator", home.resolve("none.json").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("infrakit: " + home.resolve("none.json") + ": no such file\n");
    }

    @Test
    void statusWithoutAManagerSaysSoAndExitsSeven() {
        Run run = run("manager", "status");

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.out()).isEqualTo("manager is not running (home " + home + ")\n");
    }

    @Test
    void stoppingAManagerThatDoesNotRunIsNotAnError() {
        Run run = run("manager", "stop");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("manager is not running\n");
    }

    @Test
    void playbookRunHelpListsTheParametersOfThePlaybookGivenAndWorksWithoutOne() throws Exception {
        Path playbook = Files.createDirectories(home.resolve("book"));
        Files.writeString(playbook.resolve("playbook.groovy"), """
                description 'a test book'
                param 'size', Integer, default: 3, description: 'how many'
                command('up', description: 'bring it up') {
                    echo "up ${size}"
                }
                """);

        Run withPlaybook = run("playbook", "run", playbook.toString(), "up", "--help");
        Run without = run("playbook", "run", "--help");

        assertThat(withPlaybook.exitCode()).as(withPlaybook.err()).isZero();
        assertThat(withPlaybook.out()).startsWith("Usage: infrakit playbook run ").contains("size", "how many", "up");
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(withPlaybook.out()).startsWith(without.out());
    }

    @Test
    void completionIsABashScript() {
        Run run = run("generate-completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F").contains("infrakit");
    }
}
