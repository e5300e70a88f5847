package io.infrakit.rpc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/** Facts about the files in a plugins directory: sockets, their pid files, and whether a socket answers. */
final class SocketFiles {

    /** Linux's sun_path holds 108 bytes including the terminating NUL. */
    static final int MAX_PATH_BYTES = 107;
    static final String PID_SUFFIX = ".pid";

    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SOCKET_TYPE = 0140000;

    private SocketFiles() {
    }

    static boolean isSocket(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return ((Integer) mode & FILE_TYPE_MASK) == SOCKET_TYPE;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return isOtherFile(path);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isOtherFile(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
            return false;
        }
    }

    /** The bytes a socket's address needs: its own path's, or those of where it is first bound if longer. */
    static int pathBytes(Path socket) {
        return Math.max(socket.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length,
                UnixHttpServers.bindPathBytes(socket));
    }

    static boolean fitsUnixSocket(Path socket) {
        return pathBytes(socket) <= MAX_PATH_BYTES;
    }

    static String tooLongMessage(Path socket) {
        return "socket path " + socket.toAbsolutePath() + " is too long for a unix socket (" + pathBytes(socket)
                + " bytes, at most " + MAX_PATH_BYTES + "); use a shorter plugins directory";
    }

    static Path pidFileOf(Path socket) {
        return socket.resolveSibling(socket.getFileName() + PID_SUFFIX);
    }

    static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when a process accepts connections on the socket; false when nothing listens any more. */
    static boolean answers(Path socket) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (ConnectException e) {
            return false;
        }
    }
}
