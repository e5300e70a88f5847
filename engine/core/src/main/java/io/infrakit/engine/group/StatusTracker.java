package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;

/**
 * One group's status as of its last reconcile, with the last error, and how many reconciles and plugin operations
 * failed in a row. Not thread-safe: used only under its {@link GroupState}'s lock.
 */
final class StatusTracker {

    private GroupStatus status;
    private int reconcileFailures;
    private int operationFailures;

    /** The status before the first reconcile: scaling to the allocation's target. */
    void notObservedYet(GroupId id, GroupProperties properties, String currentHash, String targetHash,
                        boolean paused) {
        status = new GroupStatus(id, GroupPhase.SCALING, properties.allocation().target(), 0, 0, 0,
                properties.allocation().target(), currentHash, targetHash, "not observed yet", "", paused, false,
                null);
    }

    /** Until the next reconcile has looked, nobody waiting for the group may take it as converged. */
    void outdated(String targetHash) {
        if (status.converged()) {
            status = new GroupStatus(status.id(), GroupPhase.SCALING, status.desired(), status.current(),
                    status.updated(), status.healthy(), status.unavailable(), status.currentHash(), targetHash,
                    "not observed since the last change", status.lastError(), status.paused(), false,
                    status.observedAt());
        }
    }

    /** A reconcile's status; the last error is kept until the group converges. */
    void reconciled(GroupStatus newStatus) {
        reconcileFailures = 0;
        status = newStatus.withLastError(newStatus.converged() ? "" : status.lastError());
    }

    int reconcileFailed(String error) {
        status = status.withLastError(error);
        return ++reconcileFailures;
    }

    int operationFailed(String error) {
        status = status.withLastError(error);
        return ++operationFailures;
    }

    void operationSucceeded() {
        operationFailures = 0;
    }

    GroupStatus current() {
        return status;
    }
}
