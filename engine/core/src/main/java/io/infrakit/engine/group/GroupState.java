package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupStatus;
import io.infrakit.engine.group.plan.Mode;
import io.infrakit.engine.group.plan.Plan;
import io.infrakit.engine.group.plan.RolloutStage;
import io.infrakit.engine.group.plan.RolloutState;
import io.infrakit.spi.group.Revision;
import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.LogicalId;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Stream;

/**
 * What the controller remembers about one group between reconciles: the committed spec and the revisions it may
 * need, the rollout, the user's pause or teardown, the operations under way, the last status, the events and the
 * measured times. Every method is short and synchronized; no plugin is ever called while holding the lock, and
 * {@link InFlightOperations} and {@link StatusTracker} are only used under it. What must survive a restart is in
 * {@link #journal()}, which the {@link JournalWriter} writes in the order it changed.
 */
final class GroupState {

    final GroupId id;
    private GroupSpec spec;
    private GroupProperties properties;
    private final Map<String, GroupProperties> revisions = new HashMap<>();
    private final Map<String, String> legacyHashOf = new HashMap<>();
    private String committedHash;
    private RevisionHistory history = RevisionHistory.empty();
    private String provenHash;
    private RolloutState rollout;
    private boolean paused;
    private boolean teardown;
    private boolean removed;
    private long generation;
    private final InFlightOperations operations = new InFlightOperations();
    private final StatusTracker status = new StatusTracker();
    private ScheduledFuture<?> resync;
    final EventLog events = new EventLog();
    final HealthTracker health = new HealthTracker();
    final HealthSamples samples = new HealthSamples();
    final JournalWriter journalWriter = new JournalWriter(this);

    /** A group committed for the first time: its config is its first revision. */
    GroupState(GroupSpec spec, GroupProperties properties, String plan, Instant now) {
        this.id = spec.id();
        this.spec = spec;
        this.properties = properties;
        String hash = properties.configHash();
        this.committedHash = hash;
        this.revisions.put(hash, properties);
        this.rollout = RolloutState.idle(hash, null);
        this.history = RevisionHistory.empty().committed(hash, now, plan, List.of());
        this.status.notObservedYet(id, properties, "", hash, false);
    }

    /**
     * A group committed again after a restart, with its journal. When the spec is the one the journal last saw
     * committed, the rollout goes on where it stood (its target, fallback, rollback and pause); otherwise the
     * commit starts a new rollout, with the history and the proven revision kept.
     *
     * @param stored  the properties of the journal's revisions that could be read back
     */
    static GroupState restored(GroupSpec spec, GroupProperties properties, String plan, Instant now,
                               RolloutJournal journal, Map<String, GroupProperties> stored) {
        GroupState group = new GroupState(spec, properties, plan, now);
        synchronized (group) {
            group.revisions.putAll(stored);
            group.revisions.put(properties.configHash(), properties);
            group.history = new RevisionHistory(journal.revisions());
            group.provenHash = journal.proven();
            group.paused = journal.paused();
            group.committedHash = journal.committed();
            boolean sameCommit = journal.committed().equals(properties.configHash())
                    && group.revisions.containsKey(journal.target());
            if (sameCommit) {
                group.rollout = journal.rollingBack()
                        ? RolloutState.rollingBackTo(journal.target(), now, journal.reason())
                        : RolloutState.idle(journal.target(), journal.fallback());
                group.status.notObservedYet(group.id, properties, journal.proven(), journal.target(), group.paused);
            } else {
                group.commit(spec, properties, plan, now);
            }
        }
        return group;
    }

    /**
     * A commit: a new config (a new revision) retargets the rollout, as does any commit after a failed one (the
     * InfraKit way to try again). The same config committed again never undoes a rollback: the manager commits
     * every stored spec again when it starts.
     *
     * @param plan  the commit's plan, for the history; null for a change of size only. The same config committed
     *              again stays where it is in the history unless it retargets the rollout.
     */
    synchronized void commit(GroupSpec newSpec, GroupProperties newProperties, String plan, Instant now) {
        String hash = newProperties.configHash();
        boolean newRevision = !hash.equals(committedHash);
        boolean retarget = rollout.stage() == RolloutStage.FAILED
                || newRevision && (!hash.equals(rollout.targetHash()) || rollout.isRollback());
        spec = newSpec;
        properties = newProperties;
        revisions.put(hash, newProperties);
        committedHash = hash;
        if (retarget) {
            rollout = RolloutState.idle(hash, provenHash == null || provenHash.equals(hash) ? null : provenHash);
        }
        if (plan != null && (newRevision || retarget)) {
            history = history.committed(hash, now, plan, needed());
        }
        revisions.keySet().retainAll(Stream.concat(history.ids().stream(), needed().stream()).toList());
        teardown = false;
        generation++;
        status.outdated(rollout.targetHash());
    }

    /**
     * Retargets the rollout to an earlier revision: as a rollback without health gates when it was proven healthy,
     * else as an ordinary rollout that can fall back to the proven revision. Returns the revision now targeted.
     */
    synchronized Revision rollback(String hash, GroupProperties target, Instant now, String reason) {
        revisions.put(hash, target);
        rollout = history.isProven(hash) ? RolloutState.rollingBackTo(hash, now, reason)
                : RolloutState.idle(hash, provenHash == null || provenHash.equals(hash) ? null : provenHash);
        String plan = history.find(hash).map(RolloutJournal.Entry::plan).orElse("");
        history = history.committed(hash, now, plan, needed());
        generation++;
        status.outdated(rollout.targetHash());
        return history.revisions(hash).get(0);
    }

    /**
     * For every revision this group holds, its {@link GroupProperties#legacyConfigHash() legacy hash} to its config
     * hash: a member tagged with the former runs the latter.
     */
    synchronized Map<String, String> configHashesByLegacyHash() {
        Map<String, String> current = new HashMap<>();
        revisions.forEach((hash, revision) ->
                current.put(legacyHashOf.computeIfAbsent(hash, unknown -> revision.legacyConfigHash()), hash));
        return current;
    }

    synchronized RevisionHistory history() {
        return history;
    }

    synchronized List<Revision> revisions() {
        return history.revisions(rollout.targetHash());
    }

    synchronized java.util.Optional<GroupProperties> revision(String hash) {
        return java.util.Optional.ofNullable(revisions.get(hash));
    }

    /** What must survive a restart. */
    synchronized RolloutJournal journal() {
        return new RolloutJournal(committedHash, rollout.targetHash(), rollout.fallbackHash(), provenHash,
                rollout.isRollback(), rollout.isRollback() ? rollout.reason() : "", paused, history.entries());
    }

    /** The journal, or null once the group is removed (then nothing more may be written). */
    synchronized RolloutJournal journalIfManaged() {
        return removed ? null : journal();
    }

    private List<String> needed() {
        return Stream.of(committedHash, provenHash, rollout.targetHash(), rollout.fallbackHash())
                .filter(java.util.Objects::nonNull).toList();
    }

    synchronized GroupSnapshot snapshot(Instant now) {
        operations.forgetUnseenOlderThan(properties.updating().healthyDeadline(), now);
        GroupProperties target = revisions.getOrDefault(rollout.targetHash(), properties);
        return new GroupSnapshot(generation, spec, properties, target, rollout, mode(), operations.runningProvisions(),
                operations.unseenProvisions(), operations.destroying(), operations.runningCount());
    }

    /** When each observed member was first known; see {@link InFlightOperations#seen}. */
    synchronized Map<InstanceId, Instant> seen(Set<InstanceId> observed, Instant now) {
        return operations.seen(observed, now, health);
    }

    synchronized Timings timings() {
        return health.timings();
    }

    /** Keeps the plan's outcome unless the group changed meanwhile (then the plan is dropped: false). */
    synchronized boolean accept(GroupSnapshot snapshot, Plan plan, GroupStatus newStatus) {
        if (removed || snapshot.generation() != generation) {
            return false;
        }
        rollout = plan.rollout();
        if (plan.assessment().onTargetAndHealthy() && !teardown) {
            provenHash = rollout.targetHash();
            history = history.proven(provenHash, newStatus.observedAt());
        }
        status.reconciled(newStatus);
        return true;
    }

    synchronized long startProvision(String configHash, LogicalId logicalId, Instant now) {
        return operations.startProvision(configHash, logicalId, now);
    }

    synchronized long startDestroy(InstanceId instance) {
        return operations.startDestroy(instance);
    }

    synchronized boolean isDestroying(InstanceId instance) {
        return operations.isDestroying(instance);
    }

    synchronized void provisioned(long operation, InstanceId instance, Instant now) {
        operations.provisioned(operation, instance, now);
    }

    synchronized void finished(long operation) {
        operations.finished(operation);
    }

    /** A destroy in a rolling update failed: the rollout stops there, as in InfraKit. */
    synchronized void failRollout(String targetHash, String why) {
        if (rollout.targetHash().equals(targetHash) && rollout.stage().isActive()) {
            rollout = rollout.failed(why);
        }
    }

    /** Counts a failed reconcile, shows it in the status, and tells how many failed in a row. */
    synchronized int reconcileFailed(String error) {
        return status.reconcileFailed(error);
    }

    /** Counts a failed plugin operation, shows it in the status, and tells how many failed in a row. */
    synchronized int operationFailed(String error) {
        return status.operationFailed(error);
    }

    synchronized void operationSucceeded() {
        status.operationSucceeded();
    }

    synchronized GroupStatus status() {
        return status.current();
    }

    synchronized GroupSpec spec() {
        return spec;
    }

    synchronized GroupProperties properties() {
        return properties;
    }

    synchronized RolloutState rollout() {
        return rollout;
    }

    synchronized String provenHash() {
        return provenHash;
    }

    synchronized void paused(boolean value) {
        paused = value;
    }

    synchronized boolean isPaused() {
        return paused;
    }

    synchronized void beginTeardown() {
        teardown = true;
        generation++;
    }

    synchronized boolean isTornDown() {
        return teardown && operations.isEmpty();
    }

    synchronized void remove() {
        removed = true;
        generation++;
        if (resync != null) {
            resync.cancel(false);
        }
    }

    synchronized boolean isRemoved() {
        return removed;
    }

    synchronized void resync(ScheduledFuture<?> future) {
        resync = future;
    }

    private Mode mode() {
        return teardown ? Mode.TEARDOWN : paused ? Mode.PAUSED : Mode.RUN;
    }
}
