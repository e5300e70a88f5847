package io.infrakit.plugins.flavor.swarm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Swarm;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeRole;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** {@link SwarmNodes} over the Docker Engine API of one manager's engine (docker-java, no extra HTTP stack). */
final class DockerSwarmNodes implements SwarmNodes {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final DockerClient docker;

    DockerSwarmNodes(String host) {
        try {
            DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host)
                    .withDockerTlsVerify(false).build();
            this.docker = DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost()).connectionTimeout(CONNECT_TIMEOUT)
                    .responseTimeout(RESPONSE_TIMEOUT).build());
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    @Override
    public SwarmState state() {
        return request(() -> {
            Info info = docker.infoCmd().exec();
            SwarmInfo swarmInfo = info.getSwarm();
            if (swarmInfo == null || swarmInfo.getNodeID() == null || swarmInfo.getNodeID().isEmpty()
                    || !Boolean.TRUE.equals(swarmInfo.getControlAvailable())) {
                return SwarmState.NONE;
            }
            Swarm swarm = docker.inspectSwarmCmd().exec();
            String managerAddr = docker.listSwarmNodesCmd().withIdFilter(List.of(swarmInfo.getNodeID())).exec()
                    .stream().filter(node -> node.getManagerStatus() != null)
                    .map(node -> node.getManagerStatus().getAddr()).findFirst().orElse("");
            return new SwarmState(swarm.getId(), swarm.getJoinTokens().getWorker(), swarm.getJoinTokens().getManager(),
                    managerAddr);
        });
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException e) {
            // Nothing is left to do with a client that cannot close its connections.
        }
    }

    @Override
    public List<SwarmNode> nodes() {
        return request(() -> docker.listSwarmNodesCmd().exec().stream().map(DockerSwarmNodes::node).toList());
    }

    @Override
    public void drain(SwarmNode node) {
        update(node, spec -> spec.withAvailability(SwarmNodeAvailability.DRAIN));
    }

    @Override
    public void demote(SwarmNode node) {
        update(node, spec -> spec.withRole(SwarmNodeRole.WORKER));
    }

    @Override
    public void remove(SwarmNode node) {
        request(() -> docker.removeSwarmNodeCmd(node.id()).withForce(true).exec());
    }

    /** Changes the node's current spec (read again: a drain bumps the version a remove or demote must name). */
    private void update(SwarmNode node, UnaryOperator<SwarmNodeSpec> change) {
        request(() -> {
            com.github.dockerjava.api.model.SwarmNode current = docker.listSwarmNodesCmd()
                    .withIdFilter(List.of(node.id())).exec().stream().findFirst().orElse(null);
            if (current == null) {
                return null;
            }
            return docker.updateSwarmNodeCmd().withSwarmNodeId(node.id()).withVersion(current.getVersion().getIndex())
                    .withSwarmNodeSpec(change.apply(current.getSpec())).exec();
        });
    }

    private static SwarmNode node(com.github.dockerjava.api.model.SwarmNode node) {
        var description = Optional.ofNullable(node.getDescription());
        return new SwarmNode(node.getId(), node.getVersion() == null ? 0 : node.getVersion().getIndex(),
                description.map(d -> d.getHostname()).orElse(""),
                description.map(d -> d.getEngine()).map(engine -> engine.getLabels()).orElse(null),
                word(node.getSpec() == null ? null : node.getSpec().getRole()),
                word(node.getStatus() == null ? null : node.getStatus().getState()),
                word(node.getSpec() == null ? null : node.getSpec().getAvailability()),
                word(node.getManagerStatus() == null ? null : node.getManagerStatus().getReachability()));
    }

    /** Docker's JSON word for an enum value ({@code READY} → {@code ready}). */
    private static String word(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }

    private static <T> T request(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    private static SwarmUnreachable unreachable(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null || root.getMessage().isBlank()
                ? root.getClass().getSimpleName() : root.getMessage();
        return new SwarmUnreachable(reason.replaceAll("\\s+", " ").strip(), e);
    }
}
