package io.infrakit.plugins.flavor.swarm;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.FlavorChangeNotices;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.Attachment;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.spi.instance.LogicalId;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * InfraKit's {@code swarm/manager} and {@code swarm/worker} flavors. Prepare reads the swarm through a manager's
 * engine and gives the instance an init script that joins it with the role's token, and a link (tags on the instance,
 * labels on its engine) by which the flavor later finds the instance's node. Healthy judges that node; Drain takes it
 * out of the swarm before the instance is destroyed. Its change notices come from the manager engine's node events.
 */
final class SwarmFlavorPlugin implements FlavorPlugin, FlavorChangeNotices {

    static final String SWARM_PORT = "2377";

    private final SwarmRole role;
    private final Function<String, SwarmNodes> connect;
    private final Optional<String> defaultHost;
    private final Clock clock;
    private final SwarmNodeEvents events;

    /**
     * {@code connect} opens the swarm at a Docker host; {@code defaultHost} (DOCKER_HOST) is used when the properties
     * name no {@code Docker.Host}; {@code events} follows the node events of the engines listened to.
     */
    SwarmFlavorPlugin(SwarmRole role, Function<String, SwarmNodes> connect, Optional<String> defaultHost, Clock clock,
                      SwarmNodeEvents events) {
        this.role = role;
        this.connect = connect;
        this.defaultHost = defaultHost;
        this.clock = clock;
        this.events = events;
    }

    /** Tells of each node event of the engine these properties name, where the flavor judges health. */
    @Override
    public InstanceChangeNotices.Subscription subscribe(Any properties, Consumer<InstancesChanged> listener) {
        return events.subscribe(host(parse(properties)), listener);
    }

    @Override
    public void validate(Any properties, Allocation allocation) {
        SwarmProperties parsed = parse(properties);
        host(parsed);
        Set<String> seen = new HashSet<>();
        for (LogicalId id : allocation.logicalIds()) {
            if (!seen.add(id.value())) {
                throw new InvalidSpecException("LogicalID " + id.value() + " specified more than once");
            }
        }
        for (String key : parsed.attachments().keySet()) {
            if (!key.equals(SwarmProperties.ALL_INSTANCES) && !seen.contains(key)) {
                throw new InvalidSpecException(role.pluginName() + " flavor property \"Attachments." + key
                        + "\" names no LogicalID of the allocation (nor \"*\")");
            }
        }
        if (role == SwarmRole.MANAGER) {
            if (allocation.logicalIds().isEmpty()) {
                throw new InvalidSpecException(role.pluginName() + " needs Allocation.LogicalIDs: swarm managers are"
                        + " pets, an odd number of them for quorum");
            }
            if (allocation.logicalIds().size() % 2 == 0) {
                throw new InvalidSpecException("must have odd number for quorum");
            }
        }
    }

    @Override
    public InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
        SwarmProperties parsed = parse(properties);
        String host = host(parsed);
        SwarmState swarm = call(host, "Flavor.Prepare", nodes -> nodes.state());
        Link link = Link.create("swarm::" + (swarm.initialized() ? swarm.clusterId() : "?") + "::" + role.type(),
                clock.instant());
        List<String> engineLabels = new ArrayList<>();
        parsed.engineLabels().forEach((key, value) -> engineLabels.add(key + "=" + value));
        link.labels().forEach((key, value) -> engineLabels.add(key + "=" + value));
        String logicalId = spec.logicalIdIfAny().map(LogicalId::value).orElse(null);

        Map<String, String> tags = new HashMap<>(spec.tags());
        tags.put(Tags.CLUSTER_ID, swarm.initialized() ? swarm.clusterId() : "?");
        tags.putAll(link.labels());
        List<Attachment> attachments = new ArrayList<>(spec.attachments());
        attachments.addAll(parsed.attachmentsFor(logicalId));
        return new InstanceSpec(spec.properties(), tags, init(parsed, host, swarm, engineLabels, link, logicalId),
                spec.logicalId(), attachments);
    }

    private String init(SwarmProperties parsed, String host, SwarmState swarm, List<String> engineLabels, Link link,
                        String logicalId) {
        boolean creates = role == SwarmRole.MANAGER && !swarm.initialized() && logicalId != null
                && logicalId.equals(parsed.swarmJoinIp());
        if (creates) {
            return InitScripts.managerInit(engineLabels, link.value(), logicalId);
        }
        if (!swarm.initialized()) {
            throw failure("Flavor.Prepare", "the engine at " + host
                    + " manages no swarm, so there is no join token"
                    + (role == SwarmRole.MANAGER ? " (the manager whose LogicalID is SwarmJoinIP creates it)" : ""));
        }
        String joinAddr = parsed.swarmJoinIp().isEmpty() ? swarm.managerAddr() : parsed.swarmJoinIp() + ":" + SWARM_PORT;
        return role == SwarmRole.MANAGER
                ? InitScripts.managerJoin(engineLabels, link.value(), swarm.managerToken(), joinAddr)
                : InitScripts.worker(engineLabels, link.value(), swarm.workerToken(), joinAddr);
    }

    /**
     * As InfraKit: no link → unhealthy; no node with the link → unknown (not joined yet); one node → healthy when it is
     * ready and, for a manager, reachable; several → healthy.
     */
    @Override
    public Health healthy(Any properties, InstanceDescription instance) {
        SwarmProperties parsed = parse(properties);
        Optional<String> link = Link.valueIn(instance.tags());
        if (link.isEmpty()) {
            return Health.UNHEALTHY;
        }
        List<SwarmNode> nodes = linked(host(parsed), "Flavor.Healthy", link.get());
        if (nodes.isEmpty()) {
            return Health.UNKNOWN;
        }
        if (nodes.size() > 1) {
            return Health.HEALTHY;
        }
        SwarmNode node = nodes.get(0);
        if (!SwarmNode.READY.equals(node.state())) {
            return Health.UNHEALTHY;
        }
        if (node.isManager() && !SwarmNode.REACHABLE.equals(node.reachability())) {
            return Health.UNHEALTHY;
        }
        return Health.HEALTHY;
    }

    /**
     * A worker's node is drained (its tasks move away) and removed from the swarm; a manager's is demoted to a worker,
     * as InfraKit does, since removing a manager would cost the quorum a member before its replacement joins. An
     * instance whose node is not in the swarm is drained already.
     */
    @Override
    public void drain(Any properties, InstanceDescription instance) {
        SwarmProperties parsed = parse(properties);
        String link = Link.valueIn(instance.tags()).orElseThrow(() -> failure("Flavor.Drain",
                "Unable to drain " + instance.id().value() + " without an association tag"));
        String host = host(parsed);
        List<SwarmNode> nodes = linked(host, "Flavor.Drain", link);
        if (nodes.isEmpty()) {
            return;
        }
        if (nodes.size() > 1) {
            throw failure("Flavor.Drain", "Expected at most one node with label "
                    + link + ", but found " + nodes.stream().map(SwarmNode::id).toList());
        }
        SwarmNode node = nodes.get(0);
        call(host, "Flavor.Drain", swarm -> {
            if (role == SwarmRole.WORKER) {
                swarm.drain(node);
                swarm.remove(node);
            } else if (node.isManager()) {
                swarm.demote(node);
            }
            return null;
        });
    }

    private List<SwarmNode> linked(String host, String operation, String link) {
        return call(host, operation, nodes -> nodes.nodes().stream()
                .filter(node -> link.equals(node.engineLabels().get(Link.LABEL))).toList());
    }

    private <T> T call(String host, String operation, Function<SwarmNodes, T> request) {
        try (SwarmNodes nodes = connect.apply(host)) {
            return request.apply(nodes);
        } catch (SwarmUnreachable e) {
            PluginException failure = failure(operation, "cannot reach the swarm at " + host + ": " + e.getMessage());
            failure.addSuppressed(e);
            throw failure;
        }
    }

    /** The plugin and the operation lead the message, as the one line a user sees. */
    private PluginException failure(String operation, String message) {
        return new PluginException(role.pluginName(), operation, role.pluginName() + " " + operation + ": " + message);
    }

    private SwarmProperties parse(Any properties) {
        return SwarmProperties.parse(role.pluginName(), properties);
    }

    private String host(SwarmProperties parsed) {
        if (!parsed.dockerHost().isEmpty()) {
            return parsed.dockerHost();
        }
        return defaultHost.orElseThrow(() -> new InvalidSpecException(role.pluginName()
                + ": no docker connect info: set Properties \"Docker\": {\"Host\": ...} or DOCKER_HOST"));
    }
}
