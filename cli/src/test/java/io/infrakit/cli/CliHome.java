package io.infrakit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh INFRAKIT_HOME under /tmp (short, so socket paths stay under the unix limit) and the CLI run in this JVM
 * against it, as the tests that talk to a real manager process need; closing stops that manager and removes the home.
 */
public final class CliHome implements AutoCloseable {

    public record Run(int exitCode, String out, String err) {
    }

    private final Path root;
    private final Map<String, String> environment;

    private CliHome(Path root, Map<String, String> environment) {
        this.root = root;
        this.environment = Map.copyOf(environment);
    }

    public static CliHome create(String prefix, Map<String, String> extraEnvironment) throws IOException {
        Path root = Files.createTempDirectory(Path.of("/tmp"), prefix);
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("INFRAKIT_HOME", root.toString());
        return new CliHome(root, environment);
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), environment, args);
        return new Run(code, out.toString(), err.toString());
    }

    public Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    @Override
    public String toString() {
        return root.toString();
    }

    @Override
    public void close() {
        run("manager", "stop");
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
