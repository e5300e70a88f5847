package io.infrakit.manager.process;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a plugin process: SIGTERM, SIGKILL when it has not exited after the grace time; then removes its socket. */
public final class ProcessStopper {

    public static final Duration GRACE = Duration.ofSeconds(5);

    private ProcessStopper() {
    }

    /** Stops the process (if it still runs) and removes {@code socket} and its pid file. */
    public static void stop(long pid, Path socket, Duration grace) {
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                if (!exited(process, grace)) {
                    process.destroyForcibly();
                    exited(process, grace);
                }
            });
        }
        removeSocket(socket);
    }

    /** True when a process accepts connections on the socket. */
    static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void removeSocket(Path socket) {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.resolveSibling(socket.getFileName() + ".pid"));
        } catch (IOException e) {
            // Left for the next start, which removes a socket nothing answers on.
        }
    }

    private static boolean exited(ProcessHandle process, Duration grace) {
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }
}
