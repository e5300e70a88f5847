package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.spi.group.GroupPlugin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What every command is given: where to print, the environment it runs in (never System.getenv directly), whether
 * a person watches a terminal (then waits show a progress bar; otherwise one plain line per change), and the
 * directory relative file names start from (the caller's, also when the command runs inside the manager).
 *
 * @param managerGroups  the manager's group plugin, when the command runs inside the manager (then it is called
 *                       directly, not over its socket); null otherwise
 * @param logLevel       how much InfraKit's code logs, as the command's -v/-vv chose (INFO until its options are read)
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal,
                             Path workingDirectory, GroupPlugin managerGroups, LogLevel logLevel) {

    public CliEnvironment {
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath();
        logLevel = logLevel == null ? LogLevel.INFO : logLevel;
    }

    public CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal,
                          Path workingDirectory, GroupPlugin managerGroups) {
        this(out, err, environment, terminal, workingDirectory, managerGroups, LogLevel.INFO);
    }

    /** In this process's own working directory. */
    public CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal) {
        this(out, err, environment, terminal, Path.of(""), null);
    }

    public CliEnvironment withEnvironment(Map<String, String> newEnvironment) {
        return new CliEnvironment(out, err, newEnvironment, terminal, workingDirectory, managerGroups, logLevel);
    }

    public CliEnvironment withLogLevel(LogLevel level) {
        return new CliEnvironment(out, err, environment, terminal, workingDirectory, managerGroups, level);
    }

    public InfrakitHome home(Path explicitHome) {
        return InfrakitHome.resolve(Optional.ofNullable(explicitHome), environment);
    }

    /** A one-line notice on stderr, so it never mixes with data on stdout. */
    public void notice(String message) {
        err.println("infrakit: " + message);
        err.flush();
    }
}
