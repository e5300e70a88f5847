package io.infrakit.engine.manager;

import io.infrakit.engine.store.SpecKey;
import io.infrakit.engine.store.SpecRecord;
import io.infrakit.engine.store.SpecStore;
import io.infrakit.engine.store.StoredSpec;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.Revision;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The manager's group plugin: it stores what the user commits before it forwards the call to the backend group
 * plugin, so a restarted manager can commit everything again. Mutations are serialised, as in InfraKit.
 */
public final class PersistingGroupPlugin implements GroupPlugin, RolloutControl {

    private final GroupPlugin backend;
    private final String backendName;
    private final SpecStore store;
    private final ReentrantLock mutations = new ReentrantLock();

    public PersistingGroupPlugin(GroupPlugin backend, String backendName, SpecStore store) {
        this.backend = backend;
        this.backendName = backendName;
        this.store = store;
    }

    @Override
    public String commitGroup(GroupSpec spec, boolean pretend) {
        if (pretend) {
            return backend.commitGroup(spec, true);
        }
        mutations.lock();
        try {
            upsert(spec);
            return backend.commitGroup(spec, false);
        } finally {
            mutations.unlock();
        }
    }

    @Override
    public void freeGroup(GroupId id) {
        mutations.lock();
        try {
            remove(id);
            backend.freeGroup(id);
        } finally {
            mutations.unlock();
        }
    }

    /** Forgets the spec only once every member is gone, so a restart never leaves orphans (InfraKit issue 632). */
    @Override
    public void destroyGroup(GroupId id) {
        mutations.lock();
        try {
            backend.destroyGroup(id);
            remove(id);
        } finally {
            mutations.unlock();
        }
    }

    @Override
    public void destroyInstances(GroupId id, List<InstanceId> instances) {
        mutations.lock();
        try {
            backend.destroyInstances(id, instances);
        } finally {
            storeWhatTheBackendKeeps(id);
            mutations.unlock();
        }
    }

    @Override
    public GroupDescription describeGroup(GroupId id) {
        return backend.describeGroup(id);
    }

    @Override
    public List<GroupSpec> inspectGroups() {
        return storedGroups();
    }

    @Override
    public int size(GroupId id) {
        return backend.size(id);
    }

    @Override
    public void setSize(GroupId id, int size) {
        mutations.lock();
        try {
            backend.setSize(id, size);
            storeWhatTheBackendKeeps(id);
        } finally {
            mutations.unlock();
        }
    }

    /**
     * Commits every stored group again, twice as InfraKit does, so the second resumes an unfinished update. A group
     * that cannot be committed yet (its plugins are not up) is returned with its error, to be tried again later.
     */
    public Map<GroupId, RuntimeException> recommitStored() {
        Map<GroupId, RuntimeException> failed = new LinkedHashMap<>();
        for (GroupSpec group : storedGroups()) {
            try {
                recommit(group.id());
            } catch (RuntimeException e) {
                failed.put(group.id(), e);
            }
        }
        return failed;
    }

    /** Commits one stored group again, twice; a group no longer stored is left alone. */
    public void recommit(GroupId id) {
        mutations.lock();
        try {
            for (GroupSpec group : storedGroups()) {
                if (group.id().equals(id)) {
                    backend.commitGroup(group, false);
                    backend.commitGroup(group, false);
                }
            }
        } finally {
            mutations.unlock();
        }
    }

    public List<GroupSpec> storedGroups() {
        return store.load().stream()
                .filter(stored -> SpecKey.GROUP_KIND.equals(stored.key().kind()))
                .map(stored -> new GroupSpec(GroupId.of(stored.key().name()), stored.record().spec().properties()))
                .toList();
    }

    private void upsert(GroupSpec spec) {
        List<StoredSpec> specs = new ArrayList<>(store.load());
        specs.removeIf(stored -> stored.key().equals(SpecKey.group(spec.id().value())));
        specs.add(new StoredSpec(SpecKey.group(spec.id().value()), new SpecRecord(backendName,
                new SpecRecord.Spec("group", GroupPlugin.INTERFACE.encoded(),
                        Map.of("name", spec.id().value()), spec.properties()))));
        save(specs);
    }

    @Override
    public GroupStatus status(GroupId id) {
        return rollouts().status(id);
    }

    @Override
    public void pause(GroupId id) {
        rollouts().pause(id);
    }

    @Override
    public void resume(GroupId id) {
        rollouts().resume(id);
    }

    @Override
    public List<Revision> history(GroupId id) {
        return rollouts().history(id);
    }

    /** The controller keeps the rollback in its journal; the stored spec stays what the user committed. */
    @Override
    public Revision rollback(GroupId id, Optional<String> toRevision) {
        mutations.lock();
        try {
            return rollouts().rollback(id, toRevision);
        } finally {
            mutations.unlock();
        }
    }

    @Override
    public List<GroupEvent> events(GroupId id, long afterSequence) {
        return rollouts().events(id, afterSequence);
    }

    private RolloutControl rollouts() {
        if (backend instanceof RolloutControl control) {
            return control;
        }
        throw new PluginException(backendName, "Rollout", "the group plugin cannot report status or pause rollouts");
    }

    /** setSize and destroyInstances change the size inside the controller; the stored spec must follow. */
    private void storeWhatTheBackendKeeps(GroupId id) {
        backend.inspectGroups().stream()
                .filter(spec -> spec.id().equals(id))
                .findFirst()
                .ifPresent(this::upsert);
    }

    private void remove(GroupId id) {
        List<StoredSpec> specs = new ArrayList<>(store.load());
        if (specs.removeIf(stored -> stored.key().equals(SpecKey.group(id.value())))) {
            save(specs);
        }
    }

    private void save(List<StoredSpec> specs) {
        try {
            store.save(specs);
        } catch (RuntimeException e) {
            throw new InfrakitException("Cannot update spec. Abort: " + e.getMessage(), e);
        }
    }

}
