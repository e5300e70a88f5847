package io.infrakit.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program directly (never through a shell) and waits for it, at most {@code timeout}. A failure is one line:
 * the program, its exit code and the last line it wrote to stderr, which is where these tools say what went wrong.
 */
final class ExternalCommand {

    private ExternalCommand() {
    }

    static void run(String imageName, List<String> command, Duration timeout, Path scratchDir) throws IOException {
        String program = Path.of(command.get(0)).getFileName().toString();
        Path stderr = Files.createTempFile(scratchDir, "." + program + "-", ".stderr");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile())
                    .start();
            if (!waitFor(imageName, program, process, timeout)) {
                process.destroyForcibly();
                throw new ImageBuildException("image " + imageName + ": " + program + " did not finish within "
                        + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new ImageBuildException("image " + imageName + ": " + program + " failed (exit "
                        + process.exitValue() + "): " + lastLine(stderr));
            }
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static boolean waitFor(String imageName, String program, Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ImageBuildException("image " + imageName + ": interrupted while " + program + " ran", e);
        }
    }

    private static String lastLine(Path output) throws IOException {
        List<String> lines = new String(Files.readAllBytes(output), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        return lines.isEmpty() ? "(nothing on stderr)" : lines.get(lines.size() - 1);
    }
}
