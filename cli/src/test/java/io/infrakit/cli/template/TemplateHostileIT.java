package io.infrakit.cli.template;

import io.infrakit.cli.ExitCode;
import io.infrakit.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template rules of docs/security.md from the command line: a parameter cannot inject keys into a JSON or YAML
 * template, a template that builds
 * too much and YAML with aliases fail with exit 3 and one line, and nothing is written to INFRAKIT_HOME.
 */
class TemplateHostileIT {

    private static final String ISSUE_TEAM = "ops\"}, \"InitScriptTemplateURL\": \"file:///etc/shadow\", \"x\": {\"y\": \"z";

    @TempDir
    Path home;

    @TempDir
    Path work;

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("INFRAKIT_HOME", home.toString()), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theIssuesTeamIsStoredAsTheTeamTagOfTheQuickstartFlavor() {
        Path quickstart = Path.of("..", "examples", "playbooks", "quickstart").toAbsolutePath().normalize();

        Run run = run("template", "render", quickstart.resolve("groups/web.json.ftl").toString(),
                "--allow-read", quickstart.toString(), "--var", "size=3", "--var", "version=1",
                "--var", "role=web", "--var", "team=" + ISSUE_TEAM, "-o", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"team\" : " + quoted(ISSUE_TEAM)).doesNotContain("\"InitScriptTemplateURL\" :");
    }

    @Test
    void aYamlTemplateQuotesWhatWouldAddAKey() throws IOException {
        Path template = Files.writeString(work.resolve("g.yml.ftl"), "ID: g\nProperties:\n  Note: ${note}\n");

        Run run = run("template", "render", template.toString(), "--var", "note=x\nInitScriptTemplateURL: file:///etc/shadow",
                "-o", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"Note\" : \"x\\nInitScriptTemplateURL: file:///etc/shadow\"");
    }

    @Test
    void templatesThatBuildTooMuchFailWithOneLineAndExit3() throws IOException {
        List<String> before = filesIn(home);
        assertRefused(Files.writeString(work.resolve("pad.ftl"), "${\"x\"?left_pad(2000000000)}"),
                "pad.ftl:1:1: ?left_pad would build a string of 2000000000 characters; the limit is 16777216");
        assertRefused(Files.writeString(work.resolve("double.ftl"),
                        "<#assign s = \"x\"><#list 1..40 as i><#assign s = s + s></#list>${s?length}"),
                "double.ftl: rendering held more than 128 MiB of memory; stopped");
        assertThat(filesIn(home)).isEqualTo(before);
    }

    @Test
    void aYamlAliasInASpecIsRefusedAtItsLineBeforeAnythingStarts() throws IOException {
        Path spec = Files.writeString(work.resolve("spec.yml"), "Tags:\n  a: &a x\n  b: *a\n");

        Run run = run("instance", "provision", "--plugin", "simulator", spec.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("infrakit: " + spec + ":3:6: YAML aliases (*a) are not supported; write the value"
                + " out" + System.lineSeparator());
        assertThat(home.resolve("manager.pid")).doesNotExist();
    }

    @Test
    void aMisspeltFieldInATemplateSpecIsNamedAtTheTemplatesLineAndNothingStarts() throws IOException {
        List<String> before = filesIn(home);
        Path template = Files.writeString(work.resolve("g.json.ftl"), """
                <#-- a line the rendered spec does not have -->
                {
                  "ID": "g",
                <#if size gt 0>
                  "Properties": {"Alocation": {"Size": ${size}}}
                </#if>
                }
                """);

        Run run = run("group", "commit", template.toString(), "--var", "size=2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(run.err()).isEqualTo("infrakit: " + template + ":5:18: unknown field 'Alocation'; did you mean"
                + " 'Allocation'?" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
        assertThat(home.resolve("manager.pid")).doesNotExist();
        assertThat(filesIn(home)).isEqualTo(before);
    }

    @Test
    void aTemplateThatRendersInvalidJsonIsNamedAtTheTemplatesLine() throws IOException {
        Path template = Files.writeString(work.resolve("bad.json.ftl"), """
                <#-- the comma after the size is missing -->
                {
                  "ID": "${id}",
                  "Size": ${size}
                  "Note": "x"
                }
                """);

        Run run = run("template", "render", template.toString(), "--var", "id=g", "--var", "size=3", "-o", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(run.err()).startsWith("infrakit: bad.json.ftl:5:3: rendered output is not valid JSON: ")
                .hasLineCount(1);
        assertThat(run.out()).isEmpty();
    }

    private void assertRefused(Path template, String message) {
        Run run = run("template", "render", template.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("infrakit: " + message + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    private static List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.map(Path::toString).sorted().toList();
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
