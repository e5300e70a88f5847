package io.infrakit.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./infrakit} launcher at the repository's root as a subprocess. */
final class Launcher {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    private final Map<String, String> environment;
    private final Path directory;

    Launcher(Map<String, String> environment) {
        this(environment, ROOT);
    }

    private Launcher(Map<String, String> environment, Path directory) {
        this.environment = Map.copyOf(environment);
        this.directory = directory;
    }

    /** The same launcher, started in {@code directory}. */
    Launcher in(Path directory) {
        return new Launcher(environment, directory);
    }

    Result run(String... args) {
        return runWithInput(null, args);
    }

    Result runWithInput(String stdin, String... args) {
        return runWithBytes(stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** With these bytes on stdin, as they are (not necessarily UTF-8). */
    Result runWithBytes(byte[] stdin, String... args) {
        return execute(new ArrayList<>(), stdin, args);
    }

    /** Runs it under this umask (e.g. {@code 000}), as a user's shell would start it. */
    Result runUnderUmask(String umask, String... args) {
        return execute(new ArrayList<>(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\"")), null,
                args);
    }

    private Result execute(List<String> command, byte[] stdin, String... args) {
        command.add(ROOT.resolve("infrakit").toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("infrakit-out", ".txt");
            Path err = Files.createTempFile("infrakit-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (var input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin);
                }
            }
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("infrakit " + String.join(" ", args) + " did not finish in 180 s");
            }
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
