package io.infrakit.testkit;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.function.Supplier;

/**
 * An in-memory instance plugin for controller tests, after InfraKit's {@code testplugin.go}: IDs are
 * {@code fake-1}, {@code fake-2}, ...; every call is recorded; any operation can be made to fail once, a few times
 * or until {@link #recover(Operation)}; and instances can die behind the plugin's back with {@link #kill}.
 * Properties are accepted when they are a JSON object or empty. Thread-safe.
 */
public final class FakeInstancePlugin implements InstancePlugin {

    /** The operations that failures can be injected into. */
    public enum Operation { VALIDATE, PROVISION, LABEL, DESTROY, DESCRIBE }

    private final String name;
    private final Map<InstanceId, InstanceDescription> instances = new LinkedHashMap<>();
    private final Map<Operation, Queue<Supplier<RuntimeException>>> nextFailures = new EnumMap<>(Operation.class);
    private final Map<Operation, Supplier<RuntimeException>> lastingFailures = new EnumMap<>(Operation.class);
    private final Map<Operation, Integer> calls = new EnumMap<>(Operation.class);
    private final List<InstanceSpec> provisioned = new ArrayList<>();
    private final List<InstanceId> destroyed = new ArrayList<>();
    private final Map<InstanceId, DestroyReason> destroyReasons = new HashMap<>();
    private long nextId = 1;

    public FakeInstancePlugin() {
        this("fake");
    }

    /** @param name the plugin name in injected errors and the prefix of the IDs */
    public FakeInstancePlugin(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The next call of the operation throws a PluginException saying {@code injected <operation> failure}. */
    public synchronized FakeInstancePlugin failNext(Operation operation) {
        return failNext(operation, () -> injected(operation));
    }

    /** The next call of the operation throws what the supplier makes; calling this twice fails two calls. */
    public synchronized FakeInstancePlugin failNext(Operation operation, Supplier<RuntimeException> error) {
        nextFailures.computeIfAbsent(operation, key -> new ArrayDeque<>()).add(Objects.requireNonNull(error));
        return this;
    }

    /** Every call of the operation fails (after any queued one-off failures) until {@link #recover}. */
    public synchronized FakeInstancePlugin failAlways(Operation operation) {
        return failAlways(operation, () -> injected(operation));
    }

    public synchronized FakeInstancePlugin failAlways(Operation operation, Supplier<RuntimeException> error) {
        lastingFailures.put(operation, Objects.requireNonNull(error));
        return this;
    }

    /** Removes every failure injected into the operation. */
    public synchronized FakeInstancePlugin recover(Operation operation) {
        nextFailures.remove(operation);
        lastingFailures.remove(operation);
        return this;
    }

    /** Adds an instance that the plugin did not create, as if someone made it by hand. */
    public synchronized InstanceDescription add(InstanceDescription instance) {
        instances.put(instance.id(), instance);
        return instance;
    }

    /** The instance dies: it disappears without a destroy call. */
    public synchronized void kill(InstanceId id) {
        if (instances.remove(id) == null) {
            throw new InstanceNotFoundException(id);
        }
    }

    @Override
    public synchronized void validate(Any properties) {
        enter(Operation.VALIDATE);
        if (!properties.isEmpty() && !properties.node().isObject()) {
            throw new InvalidSpecException("properties must be a JSON object, got " + properties);
        }
    }

    @Override
    public synchronized InstanceId provision(InstanceSpec spec) {
        enter(Operation.PROVISION);
        InstanceId id = InstanceId.of(name + "-" + nextId++);
        provisioned.add(spec);
        instances.put(id, new InstanceDescription(id, spec.logicalId(), spec.tags(), spec.properties()));
        return id;
    }

    @Override
    public synchronized void label(InstanceId id, Map<String, String> labels) {
        enter(Operation.LABEL);
        InstanceDescription current = existing(id);
        Map<String, String> merged = new HashMap<>(current.tags());
        merged.putAll(labels);
        instances.put(id, new InstanceDescription(id, current.logicalId(), merged, current.properties()));
    }

    @Override
    public synchronized void destroy(InstanceId id, DestroyReason reason) {
        enter(Operation.DESTROY);
        existing(id);
        instances.remove(id);
        destroyed.add(id);
        destroyReasons.put(id, reason);
    }

    /** The matching instances in the order they were created or added. */
    @Override
    public synchronized List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        enter(Operation.DESCRIBE);
        return instances.values().stream()
                .filter(instance -> instance.matches(tags))
                .map(instance -> properties ? instance : instance.withoutProperties())
                .toList();
    }

    /** The instances alive now, in the order they were created or added. */
    public synchronized List<InstanceDescription> instances() {
        return List.copyOf(instances.values());
    }

    /** Every spec provision succeeded with, in order. */
    public synchronized List<InstanceSpec> provisioned() {
        return List.copyOf(provisioned);
    }

    /** Every instance destroyed through the plugin, in order (killed instances are not here). */
    public synchronized List<InstanceId> destroyed() {
        return List.copyOf(destroyed);
    }

    public synchronized DestroyReason destroyReason(InstanceId id) {
        DestroyReason reason = destroyReasons.get(id);
        if (reason == null) {
            throw new IllegalArgumentException(id + " was not destroyed through the plugin");
        }
        return reason;
    }

    /** How often the operation was called, failed calls included. */
    public synchronized int calls(Operation operation) {
        return calls.getOrDefault(operation, 0);
    }

    private void enter(Operation operation) {
        calls.merge(operation, 1, Integer::sum);
        Queue<Supplier<RuntimeException>> queued = nextFailures.get(operation);
        if (queued != null && !queued.isEmpty()) {
            throw queued.remove().get();
        }
        Supplier<RuntimeException> lasting = lastingFailures.get(operation);
        if (lasting != null) {
            throw lasting.get();
        }
    }

    private InstanceDescription existing(InstanceId id) {
        InstanceDescription instance = instances.get(id);
        if (instance == null) {
            throw new InstanceNotFoundException(id);
        }
        return instance;
    }

    private PluginException injected(Operation operation) {
        String op = operation.name().toLowerCase(Locale.ROOT);
        return new PluginException(name, op, "injected " + op + " failure");
    }
}
