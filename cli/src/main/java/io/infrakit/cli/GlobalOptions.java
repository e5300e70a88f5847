package io.infrakit.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes. */
public final class GlobalOptions {

    @Option(names = "--home", paramLabel = "DIR", description = "InfraKit's home (default: $INFRAKIT_HOME, else ~/.infrakit)")
    Path home;

    @Option(names = {"-v", "--verbose"},
            description = "Log more: -v shows InfraKit's debug messages, -vv its trace messages too")
    boolean[] verbose = new boolean[0];

    @Option(names = "--stacktrace", description = "Print the stack trace of an error")
    boolean stacktrace;

    LogLevel logLevel() {
        return LogLevel.ofVerbosity(verbose.length);
    }
}
