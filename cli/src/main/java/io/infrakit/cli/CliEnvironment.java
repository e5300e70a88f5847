package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What every command is given: where to print and the environment it runs in (never System.getenv directly). */
public record CliEnvironment(PrintWriter out, PrintWriter err, Map<String, String> environment) {

    public CliEnvironment {
        environment = Map.copyOf(environment);
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
