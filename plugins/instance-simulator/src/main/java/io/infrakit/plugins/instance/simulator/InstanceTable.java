package io.infrakit.plugins.instance.simulator;

import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.InstanceId;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The instances of one simulated store, and each group's members (by their {@code infrakit.group} tag) in ID
 * order: the group controller asks for a group's members on every poll, and with 100,000 instances a full scan (or
 * a sort) per poll would dominate. Writes take the write lock so that a reader never sees the index and the
 * instances disagree.
 */
final class InstanceTable {

    private final Map<InstanceId, SimulatedInstance> byId = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<InstanceId, SimulatedInstance>> byGroup = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    int size() {
        return byId.size();
    }

    boolean contains(InstanceId id) {
        return byId.containsKey(id);
    }

    void put(SimulatedInstance instance) {
        withLock(lock.writeLock(), () -> {
            unindex(byId.put(instance.id(), instance));
            index(instance);
            return null;
        });
    }

    Optional<SimulatedInstance> remove(InstanceId id) {
        return withLock(lock.writeLock(), () -> {
            SimulatedInstance removed = byId.remove(id);
            unindex(removed);
            return Optional.ofNullable(removed);
        });
    }

    /** Replaces the instance with the changed one; empty when there is no such instance. */
    Optional<SimulatedInstance> update(InstanceId id, UnaryOperator<SimulatedInstance> change) {
        return withLock(lock.writeLock(), () -> {
            SimulatedInstance current = byId.get(id);
            if (current == null) {
                return Optional.empty();
            }
            SimulatedInstance changed = change.apply(current);
            unindex(current);
            byId.put(id, changed);
            index(changed);
            return Optional.of(changed);
        });
    }

    /** The instances carrying all the tags, in ID order. */
    List<SimulatedInstance> matching(Map<String, String> tags) {
        String group = tags.get(Tags.GROUP);
        if (group == null) {
            return withLock(lock.readLock(), () -> byId.values().stream().filter(instance -> instance.matches(tags))
                    .sorted(Comparator.comparing(SimulatedInstance::id)).toList());
        }
        boolean groupOnly = tags.size() == 1;
        return withLock(lock.readLock(), () -> {
            Collection<SimulatedInstance> members = byGroup.getOrDefault(group, Collections.emptyNavigableMap()).values();
            return groupOnly ? List.copyOf(members)
                    : members.stream().filter(instance -> instance.matches(tags)).toList();
        });
    }

    private void index(SimulatedInstance instance) {
        String group = instance.tags().get(Tags.GROUP);
        if (group != null) {
            byGroup.computeIfAbsent(group, key -> new TreeMap<>()).put(instance.id(), instance);
        }
    }

    private void unindex(SimulatedInstance instance) {
        if (instance == null) {
            return;
        }
        String group = instance.tags().get(Tags.GROUP);
        NavigableMap<InstanceId, SimulatedInstance> members = group == null ? null : byGroup.get(group);
        if (members != null) {
            members.remove(instance.id());
            if (members.isEmpty()) {
                byGroup.remove(group);
            }
        }
    }

    private static <T> T withLock(Lock held, Supplier<T> action) {
        held.lock();
        try {
            return action.get();
        } finally {
            held.unlock();
        }
    }
}
