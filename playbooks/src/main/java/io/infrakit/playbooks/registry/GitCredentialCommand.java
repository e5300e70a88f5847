package io.infrakit.playbooks.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code git credential fill|approve|reject} the way git itself consults the user's credential helpers,
 * with the registry's environment (so {@code HOME} and thus {@code ~/.gitconfig} are the user's), and never a
 * prompt: no terminal, no askpass program. No shell is involved; a git that is missing, fails or takes longer than
 * {@link #TIMEOUT} is no answer.
 */
final class GitCredentialCommand {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> environment;

    GitCredentialCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** {@code git credential ACTION} with {@code input} on stdin: its output when it exits 0 in time. */
    Optional<String> run(String action, String input) {
        ProcessBuilder builder = new ProcessBuilder("git", "credential", action)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        environment(builder.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(output.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (IOException | ExecutionException | TimeoutException | UncheckedIOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private void environment(Map<String, String> child) {
        Map<String, String> inherited = new HashMap<>(child);
        child.clear();
        child.putAll(environment);
        if (!environment.containsKey("PATH") && inherited.containsKey("PATH")) {
            child.put("PATH", inherited.get("PATH"));
        }
        child.put("GIT_TERMINAL_PROMPT", "0");
        // an empty GIT_ASKPASS wins over core.askPass and SSH_ASKPASS, and means no program is asked
        child.put("GIT_ASKPASS", "");
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
