package io.infrakit.playbooks.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code git} command, run for tests with no user or system configuration and a fixed identity. */
final class GitCli {

    private final Path home;

    GitCli(Path home) {
        this.home = home;
    }

    static void requireInstalled() {
        try {
            Process process = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("these tests need the git command line: install the package `git`");
    }

    String run(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        environment(builder.environment());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("git " + String.join(" ", arguments) + " failed in " + directory + ":\n"
                        + output);
            }
            return output.strip();
        } catch (IOException e) {
            throw new AssertionError("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    Process start(Path directory, List<String> command, Path log) throws IOException {
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        environment(builder.environment());
        return builder.start();
    }

    private void environment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("GIT_"));
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_AUTHOR_NAME", "Playbook Author");
        environment.put("GIT_AUTHOR_EMAIL", "author@example.com");
        environment.put("GIT_COMMITTER_NAME", "Playbook Author");
        environment.put("GIT_COMMITTER_EMAIL", "author@example.com");
    }
}
