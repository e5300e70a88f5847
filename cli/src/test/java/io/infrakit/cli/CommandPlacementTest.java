package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.manager.CommandRunner.Placement;
import io.infrakit.manager.Invocation;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CommandPlacementTest {

    private static final Path HOME = Path.of("/tmp/ik-placement-home");
    private final CommandPlacement placement = new CommandPlacement(
            InfrakitHome.resolve(Optional.of(HOME), Map.of()));

    @Test
    void everyOrdinaryCommandRunsInTheManager() {
        for (List<String> args : List.of(List.of("version"), List.of("plugin", "ls"), List.of("group", "ls"),
                List.of("group", "describe", "web"), List.of("group", "watch", "web"),
                List.of("group", "commit", "web.json", "--wait", "60s"), List.of("group", "commit", "web.json.ftl"),
                List.of("template", "render", "t.json.ftl"), List.of("playbook", "ls"), List.of("help", "group"),
                List.of("group", "ls", "--no-such-option"), List.of("no-such-command"),
                List.of("group", "ls", "-v"), List.of("-vv", "group", "describe", "web"))) {
            assertThat(place(invocation(args, false))).as("%s", args).isEqualTo(Placement.HERE);
        }
    }

    @Test
    void commandsThatReadStdinWaitForIt() {
        assertThat(place(invocation(List.of("group", "commit"), false))).isEqualTo(Placement.NEEDS_STDIN);
        assertThat(place(invocation(List.of("group", "commit", "-"), false)))
                .isEqualTo(Placement.NEEDS_STDIN);
        assertThat(place(invocation(List.of("instance", "provision", "--plugin", "simulator"), false)))
                .isEqualTo(Placement.NEEDS_STDIN);
        assertThat(place(invocation(List.of("playbook", "run", "qs", "up", "--params-file", "-"), false)))
                .isEqualTo(Placement.NEEDS_STDIN);
    }

    @Test
    void theCallerKeepsWhatManagesTheManagerSimulatesPromptsOrReadsItsOwnFiles() {
        for (List<String> args : List.of(List.of("manager", "stop"), List.of("manager", "start"),
                List.of("manager", "run"), List.of("group", "commit", "web.json", "--simulate"),
                List.of("image", "build", "sshd.yml"), List.of("quickstart"),
                List.of("group", "ls", "--home", "/elsewhere"), List.of("group", "commit", "@args.txt"))) {
            assertThat(place(invocation(args, false))).as("%s", args).isEqualTo(Placement.CALLER);
        }
        assertThat(place(invocation(List.of("playbook", "run", "qs", "up"), true)))
                .as("at a terminal it may ask for parameters").isEqualTo(Placement.CALLER);
        assertThat(place(invocation(List.of("playbook", "run", "qs", "up"), false)))
                .isEqualTo(Placement.HERE);
    }

    @Test
    void aCommandRunsWithTheCallersDirectoryEnvironmentAndStdin() {
        Invocation invocation = new Invocation(Path.of("/"), List.of("group", "commit", "--pretend", "--home",
                "/nonexistent-home"), Map.of("INFRAKIT_HOME", HOME.toString()), false,
                Optional.of("not a spec".getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        int code = placement.prepare(invocation, outWriter, errWriter).run();

        assertThat(code).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(err.toString()).startsWith("infrakit: <stdin>");
        assertThat(out.toString()).isEmpty();
    }

    private Placement place(Invocation invocation) {
        PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
        return placement.prepare(invocation, discard, discard).placement();
    }

    private static Invocation invocation(List<String> args, boolean terminal) {
        return new Invocation(Path.of("/work"), args, Map.of("INFRAKIT_HOME", HOME.toString()), terminal,
                Optional.empty());
    }
}
