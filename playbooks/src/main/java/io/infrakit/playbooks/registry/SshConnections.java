package io.infrakit.playbooks.registry;

import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

import java.util.List;
import java.util.Optional;

/**
 * JGit's ssh (Apache MINA SSHD) for one fetch, set up as {@code ssh} would be for this user: the keys of
 * {@link SshSettings}, the agent, {@code ~/.ssh/config}, and host keys checked against {@code known_hosts}. Only
 * public keys authenticate, and nothing ever prompts: a key with a passphrase is skipped (put it in the agent).
 * Closing it stops the ssh client's threads.
 */
final class SshConnections implements TransportConfigCallback, AutoCloseable {

    private static final String PUBLIC_KEYS_ONLY = "publickey";

    private final KnownHostsCheck hostKeys;
    private final SshdSessionFactory sessions;

    SshConnections(SshSettings settings) {
        this.hostKeys = new KnownHostsCheck(List.of(settings.knownHosts()), settings.acceptNewHostKeys());
        this.sessions = new SshdSessionFactoryBuilder()
                .setHomeDirectory(settings.home().toFile())
                .setSshDirectory(settings.sshDirectory().toFile())
                .setDefaultIdentities(sshDirectory -> settings.identities())
                .setDefaultKnownHostsFiles(sshDirectory -> List.of(settings.knownHosts()))
                .setServerKeyDatabase((home, sshDirectory) -> hostKeys)
                .setKeyPasswordProvider(credentials -> new NoPassphrases())
                .setConnectorFactory(new AgentSocketConnectorFactory(settings.agentSocket()))
                .setPreferredAuthentications(PUBLIC_KEYS_ONLY)
                .build(null);
    }

    @Override
    public void configure(Transport transport) {
        if (transport instanceof SshTransport ssh) {
            ssh.setSshSessionFactory(sessions);
        }
    }

    /** The host key this fetch refused, if that is why it failed. */
    Optional<HostKeyRefusal> hostKeyRefusal() {
        return hostKeys.refusal();
    }

    @Override
    public void close() {
        sessions.close();
    }

    /** Answers every passphrase question with "none", so an encrypted key is passed over instead of prompting. */
    private static final class NoPassphrases implements KeyPasswordProvider {

        private int attempts;

        @Override
        public char[] getPassphrase(URIish uri, int attempt) {
            return null;
        }

        @Override
        public void setAttempts(int maxNumberOfAttempts) {
            this.attempts = maxNumberOfAttempts;
        }

        @Override
        public int getAttempts() {
            return attempts;
        }

        @Override
        public boolean keyLoaded(URIish uri, int attempt, Exception error) {
            return false;
        }
    }
}
