package io.infrakit.playbooks.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** A real {@code git daemon} serving every repository under a directory on 127.0.0.1 and a free port. */
final class GitDaemon implements AutoCloseable {

    private final Process process;
    private final int port;

    private GitDaemon(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static GitDaemon serve(GitCli git, Path base, Path log) throws IOException {
        int port = freePort();
        Process process = git.start(base, List.of("git", "daemon", "--export-all", "--reuseaddr",
                "--listen=127.0.0.1", "--port=" + port, "--base-path=" + base, base.toString()), log);
        GitDaemon daemon = new GitDaemon(process, port);
        await("git daemon accepting on port " + port).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("git daemon exited with " + process.exitValue() + "; see " + log);
                    }
                    return accepts(port);
                });
        return daemon;
    }

    /** A port nothing listens on, for "connection refused". */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String repository) {
        return "git://127.0.0.1:" + port + "/" + repository;
    }

    int port() {
        return port;
    }

    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        await("git daemon to release port " + port).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50)).until(() -> !accepts(port));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
