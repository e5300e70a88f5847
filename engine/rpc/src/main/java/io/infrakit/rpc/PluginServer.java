package io.infrakit.rpc;

import io.infrakit.common.AtomicFiles;
import io.infrakit.common.OwnerOnly;
import io.infrakit.spi.plugin.PluginObjects;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves one plugin's objects on a unix socket with InfraKit's JSON-RPC, so Go clients and our
 * {@link PluginClient} can call it. The plugin's name is the socket's file name; a {@code <name>.pid} file
 * next to the socket holds this process's pid while it serves. Both files are removed on {@link #close()}.
 */
public final class PluginServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginServer.class);

    private final String name;
    private final Path socket;
    private final Path pidFile;
    private final Server server;
    private final Path removedStaleSocket;
    private boolean closed;

    private PluginServer(String name, Path socket, Server server, Path removedStaleSocket) {
        this.name = name;
        this.socket = socket;
        this.pidFile = SocketFiles.pidFileOf(socket);
        this.server = server;
        this.removedStaleSocket = removedStaleSocket;
    }

    /**
     * Starts serving on {@code socket} for this process's user alone ({@link UnixHttpServers#start}), creating its
     * directory (mode 0700) if missing.
     *
     * @throws PluginAlreadyRunningException when another process answers on the socket
     * @throws PluginServerException         when the path is too long for a unix socket, or is not a socket,
     *                                       or the server cannot listen
     */
    public static PluginServer start(Path socket, PluginObjects objects) {
        return start(socket, ServedObjects.of(objects));
    }

    /**
     * As {@link #start(Path, PluginObjects)}, for a plugin whose objects change while it runs, or that serves
     * controllers ({@code Controller/0.1.1}) or the manager as a whole ({@code Stack/0.1.1}): the manager's.
     */
    public static PluginServer start(Path socket, ServedObjects served) {
        Objects.requireNonNull(served, "served");
        Path path = socket.toAbsolutePath().normalize();
        String name = path.getFileName().toString();
        if (!SocketFiles.fitsUnixSocket(path)) {
            throw new PluginServerException("cannot start plugin '" + name + "': " + SocketFiles.tooLongMessage(path));
        }
        createDirectory(name, path.getParent());
        Path stale = removeStaleSocket(name, path);
        Server server = newServer(name, PluginProtocol.of(name, served));
        try {
            UnixHttpServers.start(server, path);
            AtomicFiles.write(SocketFiles.pidFileOf(path),
                    String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII),
                    AtomicFiles.Durability.PROCESS_CRASH_SAFE);
        } catch (Exception e) {
            UnixHttpServers.stop(server, path);
            deleteQuietly(SocketFiles.pidFileOf(path));
            throw new PluginServerException("cannot start plugin '" + name + "' on " + path + ": " + e.getMessage(), e);
        }
        LOG.info("plugin '{}' listening on {}", name, path);
        return new PluginServer(name, path, server, stale);
    }

    public String name() {
        return name;
    }

    public Path socket() {
        return socket;
    }

    public Path pidFile() {
        return pidFile;
    }

    /** The socket a dead process had left behind, which this server removed before it started. */
    public Optional<Path> removedStaleSocket() {
        return Optional.ofNullable(removedStaleSocket);
    }

    /** Blocks until the server is closed (for a plugin running in the foreground). */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        UnixHttpServers.stop(server, socket);
        deleteQuietly(pidFile);
        LOG.info("plugin '{}' stopped", name);
    }

    private static Server newServer(String name, PluginProtocol protocol) {
        return UnixHttpServers.create("plugin-" + name, new RpcHttpHandler(protocol));
    }

    private static void createDirectory(String name, Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            OwnerOnly.createDirectories(directory);
        } catch (IOException e) {
            throw new PluginServerException(
                    "cannot start plugin '" + name + "': cannot create directory " + directory + ": " + e, e);
        }
    }

    /** The socket of a process that died without cleaning up is removed; a live one is refused. */
    private static Path removeStaleSocket(String name, Path socket) {
        Path pidFile = SocketFiles.pidFileOf(socket);
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(pidFile)) {
                LOG.info("removed stale pid file {}", pidFile);
                deleteQuietly(pidFile);
            }
            return null;
        }
        if (!SocketFiles.isSocket(socket)) {
            throw new PluginServerException("cannot start plugin '" + name + "': " + socket
                    + " exists and is not a socket");
        }
        boolean alive;
        try {
            alive = SocketFiles.answers(socket);
        } catch (IOException e) {
            throw new PluginServerException("cannot start plugin '" + name + "': cannot probe " + socket + ": " + e, e);
        }
        if (alive) {
            throw new PluginAlreadyRunningException(name, socket, SocketFiles.readPid(pidFile));
        }
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new PluginServerException(
                    "cannot start plugin '" + name + "': cannot remove stale socket " + socket + ": " + e, e);
        }
        LOG.info("removed stale socket {}", socket);
        return socket;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.toString());
        }
    }
}
