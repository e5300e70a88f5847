package io.infrakit.testkit.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code git} command line, isolated from the machine it runs on: no user or system configuration, no
 * inherited {@code GIT_*} variables, a fixed identity and {@code main} as the default branch.
 */
public final class GitCli {

    private static final String IDENTITY_NAME = "InfraKit Test";
    private static final String IDENTITY_EMAIL = "test@example.com";

    private final Path home;

    /** A git whose {@code HOME} is {@code home}, so nothing outside it is read as configuration. */
    public GitCli(Path home) {
        this.home = home;
    }

    /** Fails, naming the package to install, when there is no usable {@code git} on the PATH. */
    public static void requireInstalled() {
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
        throw new IllegalStateException("the git command line is missing: install the package `git`");
    }

    /** Runs {@code git arguments...} in {@code directory} and returns its output, stripped; fails unless it exits 0. */
    public String run(Path directory, String... arguments) {
        ProcessBuilder builder = builder(directory, arguments).redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", arguments) + " failed in " + directory
                        + ":\n" + output);
            }
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git " + String.join(" ", arguments), e);
        }
    }

    /** Starts {@code git arguments...} in {@code directory} without waiting, its output going to {@code log}. */
    Process start(Path directory, Path log, String... arguments) {
        try {
            return builder(directory, arguments).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start git: " + e.getMessage(), e);
        }
    }

    private ProcessBuilder builder(Path directory, String... arguments) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("git", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        isolate(builder.environment());
        return builder;
    }

    private void isolate(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("GIT_"));
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_AUTHOR_NAME", IDENTITY_NAME);
        environment.put("GIT_AUTHOR_EMAIL", IDENTITY_EMAIL);
        environment.put("GIT_COMMITTER_NAME", IDENTITY_NAME);
        environment.put("GIT_COMMITTER_EMAIL", IDENTITY_EMAIL);
    }
}
