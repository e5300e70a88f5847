package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What every command is given: where to print, the environment it runs in (never System.getenv directly), whether
 * a person watches a terminal (then waits show a progress bar; otherwise one plain line per change), the directory
 * relative file names start from and what stdin holds (the caller's, also when the command runs in the manager).
 *
 * @param logLevel how much InfraKit's code logs, as the command's -v/-vv chose (INFO until its options are read)
 */
public record CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal,
                             Path workingDirectory, InputStream in, LogLevel logLevel) {

    public CliEnvironment {
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath();
        logLevel = logLevel == null ? LogLevel.INFO : logLevel;
    }

    public CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal,
                          Path workingDirectory, InputStream in) {
        this(out, err, environment, terminal, workingDirectory, in, LogLevel.INFO);
    }

    /** In this process's own working directory. */
    public CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal) {
        this(out, err, environment, terminal, Path.of(""), System.in);
    }

    public CliEnvironment withEnvironment(Map<String, String> newEnvironment) {
        return new CliEnvironment(out, err, newEnvironment, terminal, workingDirectory, in, logLevel);
    }

    public CliEnvironment withLogLevel(LogLevel level) {
        return new CliEnvironment(out, err, environment, terminal, workingDirectory, in, level);
    }

    public InfrakitHome home(Path explicitHome) {
        return InfrakitHome.resolve(Optional.ofNullable(explicitHome).map(workingDirectory::resolve), environment);
    }

    /** A one-line notice on stderr, so it never mixes with data on stdout. */
    public void notice(String message) {
        err.println("infrakit: " + message);
        err.flush();
    }
}
