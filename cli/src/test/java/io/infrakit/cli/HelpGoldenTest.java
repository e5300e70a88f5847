package io.infrakit.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's help, walked from the command tree: {@code --help} exits 0 with that command's own usage,
 * {@code help a b c} prints the same, and the text equals its golden file under src/test/resources/help/ (one per
 * command path: {@code group-commit.txt}; {@code infrakit.txt} for the top level). After changing a command's
 * options or descriptions, regenerate the files and review their diff:
 * {@code mvn -o test -pl cli -Dtest=HelpGoldenTest -Dhelp.golden.update=true}.
 */
class HelpGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "help");
    private static final boolean UPDATE = Boolean.getBoolean("help.golden.update");

    static {
        // The same text on a terminal and off it: no colours.
        System.setProperty("picocli.ansi", "false");
    }

    @TempDir
    static Path home;

    record Run(int exitCode, String out, String err) {
    }

    static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("INFRAKIT_HOME", home.toString()),
                args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** Every command's path below the top level; the top level itself is the empty path. */
    static List<List<String>> commandPaths() {
        StringWriter sink = new StringWriter();
        CommandLine root = Commands.commandLine(new CliEnvironment(new PrintWriter(sink), new PrintWriter(sink),
                Map.of(), false));
        List<List<String>> paths = new ArrayList<>();
        walk(root, List.of(), paths);
        return paths;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            walk(sub, longer, paths);
        });
    }

    static String goldenName(List<String> path) {
        return (path.isEmpty() ? "infrakit" : String.join("-", path)) + ".txt";
    }

    static List<String> plus(List<String> path, String... more) {
        return Stream.concat(path.stream(), Stream.of(more)).toList();
    }

    @TestFactory
    Stream<DynamicTest> helpPrintsTheCommandsOwnUsageAsInItsGoldenFile() {
        return commandPaths().stream().map(path -> DynamicTest.dynamicTest(
                "infrakit " + String.join(" ", plus(path, "--help")), () -> {
                    Run run = run(plus(path, "--help"));

                    assertThat(run.exitCode()).as(run.err()).isZero();
                    assertThat(run.err()).isEmpty();
                    assertThat(run.out()).startsWith(
                            "Usage: " + String.join(" ", plus(List.of("infrakit"), path.toArray(String[]::new))) + " ");
                    Path golden = GOLDEN.resolve(goldenName(path));
                    if (UPDATE) {
                        Files.createDirectories(GOLDEN);
                        Files.writeString(golden, run.out());
                    }
                    assertThat(golden).as("golden file (regenerate with -Dhelp.golden.update=true)").exists();
                    assertThat(run.out()).as("help of '%s' differs from %s (regenerate with "
                            + "-Dhelp.golden.update=true and review the diff)", String.join(" ", path), golden)
                            .isEqualTo(Files.readString(golden));
                }));
    }

    @TestFactory
    Stream<DynamicTest> helpCommandReachesEveryCommand() {
        return commandPaths().stream().map(path -> DynamicTest.dynamicTest(
                "infrakit " + String.join(" ", plus(List.of("help"), path.toArray(String[]::new))), () -> {
                    Run help = run(plus(List.of("help"), path.toArray(String[]::new)));

                    assertThat(help.exitCode()).as(help.err()).isZero();
                    assertThat(help.out()).isEqualTo(run(plus(path, "--help")).out());
                }));
    }

    @Test
    void everyGoldenFileBelongsToACommand() throws IOException {
        Set<String> expected = commandPaths().stream().map(HelpGoldenTest::goldenName)
                .collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (UPDATE && !expected.contains(name)) {
                    Files.delete(file);
                } else {
                    assertThat(expected).as("%s names no command", file).contains(name);
                }
            }
        }
    }

    @Test
    void helpForAnUnknownCommandIsAUsageErrorWithASuggestion() {
        Run run = run(List.of("help", "group", "comit"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("infrakit: help: no command 'group comit'; did you mean 'group commit'?\n");
        assertThat(run.out()).isEmpty();
    }
}
