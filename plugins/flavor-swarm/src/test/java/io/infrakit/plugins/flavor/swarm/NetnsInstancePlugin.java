package io.infrakit.plugins.flavor.swarm;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An instance plugin for the swarm ITs: each instance is a fresh Docker engine in a fresh network namespace, and
 * provisioning runs the instance's init script on it, as a machine's boot would. A pet's LogicalID is its IP, and an
 * engine started beforehand for a LogicalID is used for its first instance. Destroy stops the engine and removes its
 * namespace. Remembers the tags of what it destroyed.
 */
final class NetnsInstancePlugin implements InstancePlugin {

    private record Member(NetnsDockerd engine, LogicalId logicalId, Map<String, String> tags) {
    }

    private final Map<String, NetnsDockerd> started;

    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<InstanceId, Member> members = new LinkedHashMap<>();
    private final List<Map<String, String>> destroyed = new ArrayList<>();

    NetnsInstancePlugin() {
        this(Map.of());
    }

    /** {@code started}: engines already running, by the LogicalID (IP) whose first instance they are. */
    NetnsInstancePlugin(Map<String, NetnsDockerd> started) {
        this.started = new HashMap<>(started);
    }

    @Override
    public void validate(Any properties) {
    }

    @Override
    public InstanceId provision(InstanceSpec spec) {
        int number = sequence.incrementAndGet();
        LogicalId logicalId = spec.logicalId();
        NetnsDockerd engine;
        synchronized (this) {
            engine = logicalId == null ? null : started.remove(logicalId.value());
        }
        if (engine == null) {
            engine = NetnsDockerd.start("w" + number,
                    logicalId == null ? NetnsDockerd.SUBNET + "." + (20 + number) : logicalId.value());
        }
        try {
            engine.runInit(spec.init());
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        InstanceId id = InstanceId.of("netns-w" + number);
        synchronized (this) {
            members.put(id, new Member(engine, logicalId, new HashMap<>(spec.tags())));
        }
        return id;
    }

    @Override
    public synchronized void label(InstanceId id, Map<String, String> labels) {
        Member member = members.get(id);
        if (member == null) {
            throw new InstanceNotFoundException(id);
        }
        member.tags().putAll(labels);
    }

    @Override
    public void destroy(InstanceId id, DestroyReason reason) {
        Member member;
        synchronized (this) {
            member = members.remove(id);
            if (member == null) {
                throw new InstanceNotFoundException(id);
            }
            destroyed.add(Map.copyOf(member.tags()));
        }
        member.engine().close();
    }

    @Override
    public synchronized List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        List<InstanceDescription> matching = new ArrayList<>();
        members.forEach((id, member) -> {
            InstanceDescription description = new InstanceDescription(id, member.logicalId(), member.tags(),
                    null);
            if (description.matches(tags)) {
                matching.add(description);
            }
        });
        return matching;
    }

    /** The instance's engine stops, as when Docker dies on a machine; the instance itself stays. */
    void stopEngine(InstanceId id) {
        NetnsDockerd engine;
        synchronized (this) {
            engine = members.get(id).engine();
        }
        engine.stopEngine();
    }

    synchronized List<Map<String, String>> destroyed() {
        return List.copyOf(destroyed);
    }

    /** Stops every engine still running. */
    synchronized void closeAll() {
        members.values().forEach(member -> member.engine().close());
        members.clear();
        started.values().forEach(NetnsDockerd::close);
        started.clear();
    }
}
