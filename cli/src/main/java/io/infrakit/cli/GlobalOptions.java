package io.infrakit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    /** The command's own, for the -v given before the command's name ({@code infrakit -v group ls}). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    LogLevel logLevel() {
        int beforeTheCommand = command != null && command.root().userObject() instanceof RootCommand root
                ? root.verbose.length : 0;
        return LogLevel.ofVerbosity(verbose.length + beforeTheCommand);
    }
}
