package io.infrakit.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** A real {@code git daemon} serving the bare repositories in one directory on a loopback port. */
final class GitDaemon implements AutoCloseable {

    private final Process process;
    private final int port;

    private GitDaemon(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static GitDaemon serve(Path base) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process process = new ProcessBuilder("git", "daemon", "--export-all", "--reuseaddr", "--listen=127.0.0.1",
                "--port=" + port, "--base-path=" + base, base.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int listening = port;
        await().atMost(Duration.ofSeconds(20)).until(() -> accepts(listening));
        return new GitDaemon(process, port);
    }

    String url(String repository) {
        return "git://127.0.0.1:" + port + "/" + repository;
    }

    /** A bare repository named {@code name}.git holding one commit of the files under {@code tree}. */
    static void publish(Path tree, Path base, String name) throws IOException {
        Path work = Files.createTempDirectory("ik-repo");
        git(work, "init", "-q", "-b", "main");
        try (var files = Files.walk(tree)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = work.resolve(tree.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        git(work, "add", "-A");
        git(work, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first");
        git(base, "clone", "-q", "--bare", work.toString(), name + ".git");
    }

    private static void git(Path directory, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(git.getInputStream().readAllBytes());
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void requireGit() {
        try {
            new ProcessBuilder("git", "--version").start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("these tests need git: apt-get install git", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
