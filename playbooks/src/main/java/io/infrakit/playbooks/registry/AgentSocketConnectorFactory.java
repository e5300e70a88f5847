package io.infrakit.playbooks.registry;

import org.eclipse.jgit.transport.SshConstants;
import org.eclipse.jgit.transport.sshd.agent.Connector;
import org.eclipse.jgit.transport.sshd.agent.ConnectorFactory;

import java.io.File;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The ssh agent for JGit: the socket in {@code SSH_AUTH_SOCK} as the registry's environment has it, unless the
 * user's ssh config names another with {@code IdentityAgent} (or turns it off with {@code none}).
 */
final class AgentSocketConnectorFactory implements ConnectorFactory {

    private static final ConnectorDescriptor FROM_ENVIRONMENT = new ConnectorDescriptor() {
        @Override
        public String getIdentityAgent() {
            return SshConstants.ENV_SSH_AUTH_SOCKET;
        }

        @Override
        public String getDisplayName() {
            return "the ssh agent at $" + SshConstants.ENV_SSH_AUTH_SOCKET;
        }
    };

    private final Optional<String> environmentSocket;

    AgentSocketConnectorFactory(Optional<String> environmentSocket) {
        this.environmentSocket = environmentSocket;
    }

    @Override
    public Connector create(String identityAgent, File homeDir) {
        if (SshConstants.NONE.equals(identityAgent)) {
            return new AgentSocketConnector(Optional.empty());
        }
        Optional<String> socket = identityAgent == null || identityAgent.isBlank()
                || SshConstants.ENV_SSH_AUTH_SOCKET.equals(identityAgent) ? environmentSocket
                : Optional.of(identityAgent);
        return new AgentSocketConnector(socket.map(path -> path.startsWith("~/")
                ? homeDir.toPath().resolve(path.substring(2)) : Path.of(path)));
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public String getName() {
        return "jdk-unix-socket";
    }

    @Override
    public Collection<ConnectorDescriptor> getSupportedConnectors() {
        return List.of(FROM_ENVIRONMENT);
    }

    @Override
    public ConnectorDescriptor getDefaultConnector() {
        return FROM_ENVIRONMENT;
    }
}
