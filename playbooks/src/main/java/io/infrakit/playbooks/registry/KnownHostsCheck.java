package io.infrakit.playbooks.registry;

import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase.Configuration.StrictHostKeyChecking;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trusts a server's host key only when {@code known_hosts} has it, as {@code ssh} with
 * {@code StrictHostKeyChecking=yes} does: nobody is ever asked. With {@code accept-new} a host not known yet is
 * trusted and appended instead. The files are read and written by JGit's own OpenSSH {@code known_hosts} database
 * (an internal class, pinned with JGit's version: the builder offers no public one to delegate to). A refusal is
 * kept, so that the failed fetch can say which host and what to do.
 */
final class KnownHostsCheck implements ServerKeyDatabase {

    private final ServerKeyDatabase knownHosts;
    private final boolean acceptNew;
    private final AtomicReference<HostKeyRefusal> refusal = new AtomicReference<>();

    KnownHostsCheck(List<Path> defaultFiles, boolean acceptNew) {
        this.knownHosts = new OpenSshServerKeyDatabase(false, defaultFiles);
        this.acceptNew = acceptNew;
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress,
                                  Configuration config) {
        return knownHosts.lookup(connectAddress, remoteAddress, config);
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
                          Configuration config, CredentialsProvider provider) {
        boolean accepted = knownHosts.accept(connectAddress, remoteAddress, serverKey, new Strictness(config), null);
        if (!accepted) {
            boolean known = !knownHosts.lookup(connectAddress, remoteAddress, config).isEmpty();
            refusal.set(new HostKeyRefusal(host(connectAddress), remoteAddress.getPort(), known));
        }
        return accepted;
    }

    /** The last host key refused, if any. */
    Optional<HostKeyRefusal> refusal() {
        return Optional.ofNullable(refusal.get());
    }

    /** {@code [host]:port} or {@code host}, as JGit writes the address it connected to. */
    private static String host(String connectAddress) {
        int close = connectAddress.indexOf(']');
        return connectAddress.startsWith("[") && close > 0 ? connectAddress.substring(1, close) : connectAddress;
    }

    /** The user's ssh configuration, but never asking: {@code ask} becomes {@code yes} or {@code accept-new}. */
    private final class Strictness implements Configuration {

        private final Configuration configured;

        Strictness(Configuration configured) {
            this.configured = configured;
        }

        @Override
        public List<String> getUserKnownHostsFiles() {
            return configured.getUserKnownHostsFiles();
        }

        @Override
        public List<String> getGlobalKnownHostsFiles() {
            return configured.getGlobalKnownHostsFiles();
        }

        @Override
        public StrictHostKeyChecking getStrictHostKeyChecking() {
            StrictHostKeyChecking checking = configured.getStrictHostKeyChecking();
            if (checking == StrictHostKeyChecking.ACCEPT_ANY || checking == StrictHostKeyChecking.ACCEPT_NEW) {
                return checking;
            }
            return acceptNew ? StrictHostKeyChecking.ACCEPT_NEW : StrictHostKeyChecking.REQUIRE_MATCH;
        }

        @Override
        public boolean getHashKnownHosts() {
            return configured.getHashKnownHosts();
        }

        @Override
        public String getUsername() {
            return configured.getUsername();
        }
    }
}
