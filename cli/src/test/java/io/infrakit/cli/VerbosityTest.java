package io.infrakit.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** -v and -vv: how much InfraKit's own code logs in this command, and the level the command's environment carries. */
class VerbosityTest {

    @AfterEach
    void restoreTheDefaultLevel() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.infrakit")).setLevel(null);
    }

    private static BaseCommand ran(String... args) {
        StringWriter sink = new StringWriter();
        CommandLine commandLine = Commands.commandLine(new CliEnvironment(new PrintWriter(sink), new PrintWriter(sink),
                Map.of(), false));
        assertThat(commandLine.execute(args)).isZero();
        CommandLine leaf = commandLine.getParseResult().subcommand().commandSpec().commandLine();
        return (BaseCommand) leaf.getCommand();
    }

    @Test
    void eachVTakesOneLevelMore() {
        assertThat(LogLevel.ofVerbosity(0)).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.ofVerbosity(1)).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevel.ofVerbosity(2)).isEqualTo(LogLevel.TRACE);
        assertThat(LogLevel.ofVerbosity(5)).isEqualTo(LogLevel.TRACE);
    }

    @Test
    void withoutVTheCommandLogsAtInfo() {
        assertThat(ran("version").cli.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(LoggerFactory.getLogger("io.infrakit.verbosity.probe.Info").isInfoEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.infrakit.verbosity.probe.Info").isDebugEnabled()).isFalse();
    }

    @Test
    void vShowsInfrakitsDebugMessages() {
        assertThat(ran("version", "-v").cli.logLevel()).isEqualTo(LogLevel.DEBUG);

        assertThat(LoggerFactory.getLogger("io.infrakit.verbosity.probe.Debug").isDebugEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.infrakit.verbosity.probe.Debug").isTraceEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("org.eclipse.jgit.verbosity.Probe").isInfoEnabled()).isFalse();
    }

    @Test
    void vBeforeTheCommandCountsAsAfterIt() {
        assertThat(ran("-v", "version").cli.logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(ran("-v", "version", "-v").cli.logLevel()).isEqualTo(LogLevel.TRACE);
    }

    @Test
    void vvShowsItsTraceMessagesToo() {
        assertThat(ran("version", "-vv").cli.logLevel()).isEqualTo(LogLevel.TRACE);

        assertThat(LoggerFactory.getLogger("io.infrakit.verbosity.probe.Trace").isTraceEnabled()).isTrue();
    }
}
