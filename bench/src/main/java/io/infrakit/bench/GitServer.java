package io.infrakit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A {@code git daemon} on a loopback port serving one bare repository made from a directory. */
final class GitServer implements AutoCloseable {

    private final Process daemon;
    private final String url;

    private GitServer(Process daemon, String url) {
        this.daemon = daemon;
        this.url = url;
    }

    static GitServer serving(Path tree, Path scratch) {
        try {
            Path work = Files.createDirectories(scratch.resolve("work"));
            Path base = Files.createDirectories(scratch.resolve("served"));
            git(work, "init", "-q", "-b", "main");
            try (var files = Files.walk(tree)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path target = work.resolve(tree.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
            git(work, "add", "-A");
            git(work, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "bench");
            git(base, "clone", "-q", "--bare", work.toString(), "playbook.git");
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Process daemon = new ProcessBuilder("git", "daemon", "--export-all", "--reuseaddr",
                    "--listen=127.0.0.1", "--port=" + port, "--base-path=" + base, base.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!accepts(port)) {
                if (System.nanoTime() > deadline) {
                    daemon.destroyForcibly();
                    throw new IllegalStateException("git daemon did not listen on " + port);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            return new GitServer(daemon, "git://127.0.0.1:" + port + "/playbook.git");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return url;
    }

    private static void git(Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
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
        daemon.destroyForcibly();
    }
}
