package io.infrakit.rpc;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Objects;

/**
 * A unix-socket connector that serves the processes of one user only: each accepted connection's peer is asked
 * for with SO_PEERCRED, and a connection from any other user (or whose peer cannot be told) is closed at once,
 * before a byte of it is read or answered. This holds whatever the permissions of the socket and its directory.
 */
final class OwnerOnlyConnector extends UnixDomainServerConnector {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyConnector.class);

    private final RefusalLog refusals = new RefusalLog();
    private volatile UserPrincipal owner;
    private volatile Path served;

    OwnerOnlyConnector(Server server, ConnectionFactory... factories) {
        super(server, factories);
    }

    /** Before start: where to bind, the user to serve, and the socket's path to name in the log. */
    void bind(Path bindPath, UserPrincipal allowed, Path servedPath) {
        setUnixDomainPath(bindPath);
        this.owner = Objects.requireNonNull(allowed, "allowed");
        this.served = servedPath;
    }

    @Override
    protected void configure(SocketChannel channel) throws IOException {
        String peer = otherPeer(channel);
        if (peer != null) {
            channel.close();
            refusals.refused(served, peer);
            throw new RefusedPeerException();
        }
        super.configure(channel);
    }

    /** Null for the owner's own processes, else who the peer is, for the log. */
    private String otherPeer(SocketChannel channel) {
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return peer.user().equals(owner) ? null : "user " + peer.user().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "a peer whose user cannot be told (" + e.getMessage() + ")";
        }
    }

    @Override
    protected boolean handleAcceptFailure(Throwable failure) {
        if (failure instanceof RefusedPeerException) {
            // Closed and logged already; Jetty would log a warning and pause accepting for a second.
            return true;
        }
        return super.handleAcceptFailure(failure);
    }

    /** Thrown from {@link #configure} so that Jetty drops the closed channel instead of serving it. */
    private static final class RefusedPeerException extends IOException {
        RefusedPeerException() {
            super("connection from another user refused");
        }
    }

    /**
     * One line for a refusal, then at most one a minute with how many followed, so a user who loops on connect
     * cannot fill the log.
     */
    private static final class RefusalLog {

        private static final long QUIET_NANOS = 60_000_000_000L;

        private long lastLogged;
        private boolean logged;
        private long unlogged;

        synchronized void refused(Path socket, String peer) {
            long now = System.nanoTime();
            if (logged && now - lastLogged < QUIET_NANOS) {
                unlogged++;
                return;
            }
            String more = unlogged == 0 ? "" : " (" + unlogged + " more refused since the last line)";
            LOG.warn("refused a connection to {} from {}: only its owner may connect{}", socket, peer, more);
            logged = true;
            lastLogged = now;
            unlogged = 0;
        }
    }
}
