package io.infrakit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code infrakit} launcher with an environment, as a user's shell would. */
record Launcher(Path launcher, Map<String, String> environment) {

    record Run(int exitCode, String out, String err) {
    }

    Launcher {
        environment = Map.copyOf(environment);
    }

    /** Runs the command and fails unless it exits 0. */
    Run ok(String... args) {
        Run run = run(args);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("infrakit " + String.join(" ", args) + " exited with " + run.exitCode()
                    + ": " + run.err().strip());
        }
        return run;
    }

    Run run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("ik-bench", ".out");
            Path err = Files.createTempFile("ik-bench", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 10 minutes");
                }
                return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
