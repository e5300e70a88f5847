package io.infrakit.engine.manager;

import io.infrakit.engine.store.SpecKey;
import io.infrakit.engine.store.SpecRecord;
import io.infrakit.engine.store.SpecStore;
import io.infrakit.engine.store.StoredSpec;
import io.infrakit.spi.Identifiers;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.Revision;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.instance.InstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The manager's group plugin: it stores what the user commits before it forwards the call to the backend group
 * plugin, so a restarted manager can commit everything again. Only a spec the backend accepts is stored: a commit
 * that fails leaves the stored specs as they were. Mutations are serialised, as in InfraKit.
 */
public final class PersistingGroupPlugin implements GroupPlugin, RolloutControl {

    private static final Logger LOG = LoggerFactory.getLogger(PersistingGroupPlugin.class);

    private final GroupPlugin backend;
    private final String backendName;
    private final SpecStore store;
    private final SpecStore setAside;
    private final ReentrantLock mutations = new ReentrantLock();

    /** @param setAside where a stored spec that no longer validates goes when the manager starts (see recommitStored) */
    public PersistingGroupPlugin(GroupPlugin backend, String backendName, SpecStore store, SpecStore setAside) {
        this.backend = backend;
        this.backendName = backendName;
        this.store = store;
        this.setAside = setAside;
    }

    /**
     * A real commit is first made as a pretend one, which checks all the backend checks (the ID, the properties,
     * that the plugins are there, and their own Validate) and changes nothing; only then is the spec stored and acted
     * on. Should acting on it still fail, the stored specs are put back as they were.
     */
    @Override
    public String commitGroup(GroupSpec spec, boolean pretend) {
        if (pretend) {
            return backend.commitGroup(spec, true);
        }
        mutations.lock();
        try {
            backend.commitGroup(spec, true);
            List<StoredSpec> before = store.load();
            upsert(spec);
            try {
                return backend.commitGroup(spec, false);
            } catch (RuntimeException e) {
                restore(before, e);
                throw e;
            }
        } finally {
            mutations.unlock();
        }
    }

    /** A stored group the controller never took up (its plugins were missing at start-up) is simply forgotten. */
    @Override
    public void freeGroup(GroupId id) {
        mutations.lock();
        try {
            if (remove(id) && !watched(id)) {
                LOG.info("group {} freed; it was stored but not managed", id);
                return;
            }
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
     * that cannot be committed yet (its plugins are not up) is returned with its error, to be tried again later; one
     * that no longer validates (an older build stored it) is set aside, and returned with its error too.
     */
    public Map<GroupId, RuntimeException> recommitStored() {
        setAsideInvalidIds();
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

    /**
     * Commits one stored group again, twice; a group no longer stored is left alone. A spec the backend refuses as
     * invalid is moved from the stored specs to the set-aside ones, so it breaks nothing else, and the error thrown;
     * its instances are left alone, as by {@code free}.
     */
    public void recommit(GroupId id) {
        mutations.lock();
        try {
            for (GroupSpec group : storedGroups()) {
                if (group.id().equals(id)) {
                    try {
                        backend.commitGroup(group, false);
                    } catch (InvalidSpecException e) {
                        setAside(SpecKey.group(id.value()), e.getMessage());
                        throw e;
                    }
                    backend.commitGroup(group, false);
                }
            }
        } finally {
            mutations.unlock();
        }
    }

    /** The stored groups; an entry whose name no group can have is skipped (recommitStored sets it aside). */
    public List<GroupSpec> storedGroups() {
        return store.load().stream()
                .filter(stored -> SpecKey.GROUP_KIND.equals(stored.key().kind()))
                .filter(stored -> validId(stored.key().name()))
                .map(stored -> new GroupSpec(GroupId.of(stored.key().name()), stored.record().spec().properties()))
                .toList();
    }

    private void upsert(GroupSpec spec) {
        List<StoredSpec> specs = new ArrayList<>(store.load());
        StoredSpec entry = new StoredSpec(SpecKey.group(spec.id().value()), new SpecRecord(backendName,
                new SpecRecord.Spec("group", GroupPlugin.INTERFACE.encoded(),
                        Map.of("name", spec.id().value()), spec.properties())));
        if (specs.contains(entry)) {
            return;
        }
        specs.removeIf(stored -> stored.key().equals(entry.key()));
        specs.add(entry);
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

    private boolean watched(GroupId id) {
        return backend.inspectGroups().stream().anyMatch(spec -> spec.id().equals(id));
    }

    /** True if the group was stored. */
    private boolean remove(GroupId id) {
        List<StoredSpec> specs = new ArrayList<>(store.load());
        if (specs.removeIf(stored -> stored.key().equals(SpecKey.group(id.value())))) {
            save(specs);
            return true;
        }
        return false;
    }

    private void setAsideInvalidIds() {
        for (StoredSpec stored : store.load()) {
            if (SpecKey.GROUP_KIND.equals(stored.key().kind())) {
                try {
                    Identifiers.checkGroupId(stored.key().name());
                } catch (InvalidSpecException e) {
                    setAside(stored.key(), e.getMessage());
                }
            }
        }
    }

    /** Moves a stored spec to the set-aside ones: written there first, so it is never lost. */
    private void setAside(SpecKey key, String reason) {
        List<StoredSpec> specs = new ArrayList<>(store.load());
        List<StoredSpec> moved = specs.stream().filter(stored -> stored.key().equals(key)).toList();
        if (moved.isEmpty()) {
            return;
        }
        List<StoredSpec> asideAlready = new ArrayList<>(setAside.load());
        asideAlready.removeIf(stored -> stored.key().equals(key));
        asideAlready.addAll(moved);
        setAside.save(asideAlready);
        specs.removeAll(moved);
        save(specs);
        LOG.warn("stored group {} no longer validates ({}); set aside in {}, its instances are left alone",
                Identifiers.quote(key.name()), reason, setAside);
    }

    private static boolean validId(String name) {
        try {
            Identifiers.checkGroupId(name);
            return true;
        } catch (InvalidSpecException e) {
            return false;
        }
    }

    private void save(List<StoredSpec> specs) {
        try {
            store.save(specs);
        } catch (RuntimeException e) {
            throw new InfrakitException("Cannot update spec. Abort: " + e.getMessage(), e);
        }
    }

    private void restore(List<StoredSpec> before, RuntimeException failure) {
        try {
            store.save(before);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
