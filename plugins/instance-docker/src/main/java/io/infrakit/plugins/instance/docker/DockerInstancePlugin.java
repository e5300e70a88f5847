package io.infrakit.plugins.instance.docker;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.spi.instance.LogicalId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * InfraKit's {@code docker} instance plugin: each instance is a container of one Docker daemon, its tags the
 * container's labels, its ID the container's ID, its logical ID (when given) the container's name. Containers this
 * plugin made carry a marker label, so that it never lists, stops or removes anyone else's. A container that is no
 * longer running (it exited, died, or was stopped by hand) is gone: describe leaves it out and removes it, and its
 * group makes a replacement. Docker's events of the plugin's containers are told to subscribers, so that a container
 * removed by hand is replaced at once rather than at the next poll.
 */
public final class DockerInstancePlugin implements InstancePlugin, InstanceChangeNotices, AutoCloseable {

    static final String NAME = DockerPluginProvider.NAME;
    /** Labels of this plugin's own, kept out of the instances' tags. */
    static final String OWN_LABEL_PREFIX = "io.infrakit.docker.";
    static final String MARKER_LABEL = OWN_LABEL_PREFIX + "instance";
    static final String LOGICAL_ID_LABEL = OWN_LABEL_PREFIX + "logical-id";
    static final String STOP_TIMEOUT_LABEL = OWN_LABEL_PREFIX + "stop-timeout";
    /** The states of a container that still is an instance; exited, dead and removing ones are gone. */
    private static final Set<String> LIVE_STATES = Set.of("created", "running", "restarting", "paused");

    private final DockerEndpoint endpoint;
    private final ContainerEvents events;

    public DockerInstancePlugin(String host) {
        this.endpoint = new DockerEndpoint(host);
        this.events = new ContainerEvents(endpoint, Map.of(MARKER_LABEL, "true"));
    }

    public String host() {
        return endpoint.host();
    }

    @Override
    public void validate(Any properties) {
        DockerProperties.parse(properties);
    }

    @Override
    public InstanceId provision(InstanceSpec spec) {
        DockerProperties properties = DockerProperties.parse(spec.properties());
        requireImage(properties.image());
        String id = create(spec, properties);
        try {
            endpoint.call("provision", () -> endpoint.requests().startContainerCmd(id).exec());
        } catch (RuntimeException e) {
            removeQuietly(id);
            throw failed("provision", "cannot start a container of " + properties.image(), e);
        }
        return InstanceId.of(id);
    }

    private void requireImage(String image) {
        try {
            endpoint.call("provision", () -> endpoint.requests().inspectImageCmd(image).exec());
        } catch (NotFoundException e) {
            throw new InvalidSpecException("plugin '" + NAME + "' provision: instance property \""
                    + DockerProperties.IMAGE + "\": no image \""
                    + image + "\" in dockerd at " + endpoint.host()
                    + " (this plugin does not pull: docker pull, load or import it first)");
        }
    }

    private String create(InstanceSpec spec, DockerProperties properties) {
        Map<String, String> labels = new HashMap<>(spec.tags());
        labels.keySet().removeIf(key -> key.startsWith(OWN_LABEL_PREFIX));
        labels.put(MARKER_LABEL, "true");
        labels.put(STOP_TIMEOUT_LABEL, String.valueOf(properties.stopTimeout().toSeconds()));
        spec.logicalIdIfAny().ifPresent(logicalId -> labels.put(LOGICAL_ID_LABEL, logicalId.value()));

        CreateContainerCmd create = endpoint.requests().createContainerCmd(properties.image())
                .withLabels(labels)
                .withEnv(properties.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withStopTimeout((int) properties.stopTimeout().toSeconds())
                .withHostConfig(hostConfig(properties));
        List<String> command = command(properties.cmd(), spec.init());
        if (!command.isEmpty()) {
            create.withCmd(command);
        }
        if (!properties.ports().isEmpty()) {
            create.withExposedPorts(properties.ports().stream()
                    .map(port -> ExposedPort.tcp(port.containerPort())).distinct().toList());
        }
        spec.logicalIdIfAny().map(LogicalId::value).filter(DockerInstancePlugin::isContainerName)
                .ifPresent(create::withName);
        try {
            return endpoint.call("provision", create::exec).getId();
        } catch (ConflictException e) {
            throw new PluginException(NAME, "provision", "a container named \"" + spec.logicalId().value()
                    + "\" already exists in dockerd at " + endpoint.host(), e);
        } catch (DockerException e) {
            throw failed("provision", "cannot create a container of " + properties.image(), e);
        }
    }

    /**
     * The container's command: the spec's init script, when there is one, runs under {@code sh -c} before the
     * properties' {@code Cmd}, which it then becomes by {@code exec}; without a script, {@code Cmd} or the image's.
     */
    static List<String> command(List<String> cmd, String init) {
        if (init.isBlank()) {
            return cmd;
        }
        if (cmd.isEmpty()) {
            return List.of("sh", "-c", init);
        }
        List<String> command = new ArrayList<>(List.of("sh", "-c", init + "\nexec \"$@\"", "sh"));
        command.addAll(cmd);
        return command;
    }

    private static HostConfig hostConfig(DockerProperties properties) {
        HostConfig host = HostConfig.newHostConfig()
                .withRestartPolicy(RestartPolicy.parse(properties.restartPolicy()))
                .withInit(properties.init() ? Boolean.TRUE : null);
        if (!properties.binds().isEmpty()) {
            host.withBinds(properties.binds().stream().map(Bind::parse).toList());
        }
        if (!properties.ports().isEmpty()) {
            Ports ports = new Ports();
            for (DockerProperties.PortBinding port : properties.ports()) {
                ports.bind(ExposedPort.tcp(port.containerPort()), port.hostIp().isEmpty()
                        ? Ports.Binding.bindPort(port.hostPort())
                        : Ports.Binding.bindIpAndPort(port.hostIp(), port.hostPort()));
            }
            host.withPortBindings(ports);
        }
        return host;
    }

    private static boolean isContainerName(String name) {
        return name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+");
    }

    /** Docker cannot change a container's labels; an instance of this plugin keeps the tags it was made with. */
    @Override
    public void label(InstanceId id, Map<String, String> labels) {
        ours(id, "label");
        throw new PluginException(NAME, "label", "docker cannot change the labels of a container (" + id
                + "); its tags stay those it was provisioned with");
    }

    @Override
    public void destroy(InstanceId id, DestroyReason reason) {
        InspectContainerResponse container = ours(id, "destroy");
        int timeout = stopTimeoutOf(container.getConfig().getLabels());
        try {
            endpoint.call("destroy", () -> endpoint.requests().stopContainerCmd(id.value()).withTimeout(timeout)
                    .exec());
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped, or removed meanwhile: removing it is all there is left to do
        } catch (DockerException e) {
            throw failed("destroy", "cannot stop container " + id, e);
        }
        remove(id.value(), "destroy");
    }

    private static int stopTimeoutOf(Map<String, String> labels) {
        try {
            return Integer.parseInt(labels.getOrDefault(STOP_TIMEOUT_LABEL, ""));
        } catch (NumberFormatException e) {
            return (int) DockerProperties.DEFAULT_STOP_TIMEOUT.toSeconds();
        }
    }

    /** The container of this ID, if this plugin made it; any other is not found. */
    private InspectContainerResponse ours(InstanceId id, String operation) {
        if (!id.value().matches("[0-9a-f]{12,64}")) {
            throw new InstanceNotFoundException(id);
        }
        try {
            InspectContainerResponse container = endpoint.call(operation,
                    () -> endpoint.requests().inspectContainerCmd(id.value()).exec());
            Map<String, String> labels = container.getConfig().getLabels();
            if (labels == null || !"true".equals(labels.get(MARKER_LABEL))
                    || !LIVE_STATES.contains(String.valueOf(container.getState().getStatus()))) {
                throw new InstanceNotFoundException(id);
            }
            return container;
        } catch (NotFoundException e) {
            throw new InstanceNotFoundException(id);
        }
    }

    private void remove(String id, String operation) {
        try {
            endpoint.call(operation, () -> endpoint.requests().removeContainerCmd(id).withForce(true)
                    .withRemoveVolumes(true).exec());
        } catch (NotFoundException e) {
            // gone already
        } catch (ConflictException e) {
            // docker is removing it already ("removal in progress")
        } catch (DockerException e) {
            throw failed(operation, "cannot remove container " + id, e);
        }
    }

    private void removeQuietly(String id) {
        try {
            remove(id, "provision");
        } catch (RuntimeException e) {
            // the provision's own error is the one to tell; describe removes what is left
        }
    }

    /**
     * Lists the plugin's containers carrying the tags, in every state. One that is no longer running is gone: it
     * is removed here, and left out.
     */
    @Override
    public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        Map<String, String> filter = new HashMap<>(tags);
        filter.put(MARKER_LABEL, "true");
        List<Container> containers = endpoint.call("describe",
                () -> endpoint.requests().listContainersCmd().withShowAll(true).withLabelFilter(filter).exec());
        List<InstanceDescription> found = new ArrayList<>();
        for (Container container : containers) {
            if (LIVE_STATES.contains(container.getState())) {
                found.add(describe(container, properties));
            } else if (!"removing".equals(container.getState())) {
                removeQuietly(container.getId());
            }
        }
        found.sort(Comparator.comparing(InstanceDescription::id));
        return found;
    }

    private static InstanceDescription describe(Container container, boolean withProperties) {
        Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
        Map<String, String> tags = new HashMap<>(labels);
        tags.keySet().removeIf(key -> key.startsWith(OWN_LABEL_PREFIX));
        String logicalId = labels.get(LOGICAL_ID_LABEL);
        return new InstanceDescription(InstanceId.of(container.getId()),
                logicalId == null || logicalId.isBlank() ? null : LogicalId.of(logicalId), tags,
                withProperties ? propertiesOf(container) : Any.empty());
    }

    private static Any propertiesOf(Container container) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Image", container.getImage());
        node.put("State", container.getState());
        node.put("Status", container.getStatus());
        if (container.getNames() != null && container.getNames().length > 0) {
            node.put("Name", container.getNames()[0].replaceFirst("^/", ""));
        }
        if (container.getCreated() != null) {
            node.put("Created", container.getCreated());
        }
        return Any.of(node);
    }

    private static PluginException failed(String operation, String what, RuntimeException e) {
        if (e instanceof PluginException plugin) {
            return plugin;
        }
        return new PluginException(NAME, operation, what + ": " + DockerEndpoint.rootMessage(e), e);
    }

    @Override
    public Subscription subscribe(Consumer<InstancesChanged> listener) {
        return events.subscribe(listener);
    }

    /** Stops the event stream and releases the clients. */
    @Override
    public void close() {
        events.stop();
        endpoint.close();
    }

}
