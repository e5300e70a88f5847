package io.infrakit.testkit.git;

import io.infrakit.testkit.LoopbackPorts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A real {@code git daemon} serving every repository under a directory on 127.0.0.1 and a free port. */
public final class GitDaemon implements AutoCloseable {

    private static final Duration PORT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final Process process;
    private final int port;
    private final Path log;

    private GitDaemon(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Serves {@code base} and returns once the daemon accepts connections; its output goes to {@code log}. */
    public static GitDaemon serve(GitCli git, Path base, Path log) {
        int port = LoopbackPorts.free();
        Process process = git.start(base, log, "daemon", "--export-all", "--reuseaddr", "--listen=127.0.0.1",
                "--port=" + port, "--base-path=" + base, base.toString());
        GitDaemon daemon = new GitDaemon(process, port, log);
        try {
            daemon.awaitPort(true);
        } catch (IllegalStateException e) {
            process.destroyForcibly();
            throw e;
        }
        return daemon;
    }

    /** The {@code git://} URL of {@code repository}, a path relative to the served directory. */
    public String url(String repository) {
        return "git://127.0.0.1:" + port + "/" + repository;
    }

    /** Stops the daemon and the children serving its connections, and returns once the port is free again. */
    public void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(PORT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitPort(false);
    }

    /** Stops the daemon unless it has stopped already. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitPort(boolean accepting) {
        long deadline = System.nanoTime() + PORT_TIMEOUT.toNanos();
        while (LoopbackPorts.accepts(port) != accepting) {
            if (accepting && !process.isAlive()) {
                throw new IllegalStateException("git daemon exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("git daemon on port " + port
                        + (accepting ? " accepted no connection" : " still held the port") + " after "
                        + PORT_TIMEOUT.toSeconds() + " s; see " + log);
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
    }
}
