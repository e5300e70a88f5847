package io.infrakit.playbooks.registry;

import org.eclipse.jgit.transport.sshd.agent.AbstractConnector;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Talks to an ssh agent over its unix socket with the JDK's own unix-domain channels, where JGit's connector
 * module needs JNA. JGit's agent client speaks the protocol; this only carries its framed requests and replies.
 */
final class AgentSocketConnector extends AbstractConnector {

    private static final int LENGTH_BYTES = 4;

    private final Optional<Path> socket;
    private SocketChannel channel;

    AgentSocketConnector(Optional<Path> socket) {
        this.socket = socket;
    }

    /** False, so that keys from files are still tried, when there is no agent to talk to. */
    @Override
    public synchronized boolean connect() throws IOException {
        if (channel != null) {
            return true;
        }
        if (socket.isEmpty() || !Files.exists(socket.get())) {
            return false;
        }
        SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            opened.connect(UnixDomainSocketAddress.of(socket.get()));
        } catch (IOException e) {
            opened.close();
            return false;
        }
        channel = opened;
        return true;
    }

    @Override
    public synchronized byte[] rpc(byte command, byte[] message) throws IOException {
        if (channel == null) {
            throw new IllegalStateException("not connected to the ssh agent");
        }
        prepareMessage(command, message);
        ByteBuffer request = ByteBuffer.wrap(message);
        while (request.hasRemaining()) {
            channel.write(request);
        }
        byte[] length = readFully(LENGTH_BYTES);
        return readFully(toLength(command, length));
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private byte[] readFully(int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the ssh agent closed the connection after " + buffer.position() + " of "
                        + size + " bytes");
            }
        }
        return buffer.array();
    }
}
