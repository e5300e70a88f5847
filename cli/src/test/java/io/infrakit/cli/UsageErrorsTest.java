package io.infrakit.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A command line that cannot be parsed: one line naming the command, exit 2, and nothing run. */
class UsageErrorsTest {

    record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("INFRAKIT_HOME", "does-not-matter"), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aMisspeltOptionNamesTheOneMeant() {
        Result run = run("group", "commit", "--pretnd", "spec.json");

        assertThat(run).isEqualTo(new Result(ExitCode.USAGE, "",
                "infrakit: group commit: unknown option '--pretnd'; did you mean '--pretend'?\n"));
    }

    @Test
    void anOptionWithItsValueAttachedIsNamedWithoutTheValue() {
        assertThat(run("group", "commit", "--wiat=30s", "spec.json").err())
                .isEqualTo("infrakit: group commit: unknown option '--wiat'; did you mean '--wait'?\n");
    }

    @Test
    void anOptionNothingIsCloseToPointsAtTheHelp() {
        assertThat(run("group", "ls", "--frobnicate").err())
                .isEqualTo("infrakit: group ls: unknown option '--frobnicate'; see 'infrakit help group ls'\n");
    }

    @Test
    void theHelpItPointsAtIsThere() {
        Result run = run("help", "group", "ls");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ls");
    }

    @Test
    void aMisspeltCommandNamesTheOneMeant() {
        Result run = run("group", "comit", "spec.json");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("infrakit: group: unknown command 'comit'; did you mean 'commit'?\n");
    }

    @Test
    void anUnknownTopLevelCommandListsTheCommands() {
        Result run = run("frobnicate");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith("infrakit: unknown command 'frobnicate'; commands: version, quickstart, ")
                .hasLineCount(1);
    }

    @Test
    void aMissingParameterIsOneLineToo() {
        Result run = run("group", "describe");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo(
                "infrakit: group describe: Missing required parameter: 'ID'; see 'infrakit help group describe'\n");
    }
}
