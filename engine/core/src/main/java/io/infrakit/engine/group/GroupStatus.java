package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupId;

import java.time.Instant;
import java.util.Objects;

/**
 * A group's state as the controller last saw it, for {@code group describe} and waiting CLIs.
 *
 * @param desired      the size (or number of logical IDs) the group is kept at
 * @param current      members alive and not being destroyed
 * @param updated      members at the target config
 * @param healthy      members the flavor reports healthy
 * @param unavailable  desired minus healthy, never negative
 * @param currentHash  the last config the whole group was proven healthy on (empty: none yet)
 * @param targetHash   the config the group is moving to (equal to currentHash once converged)
 * @param reason       in plain words, what the group waits for or why it stopped; empty when there is nothing to say
 * @param lastError    the last failure (reconcile or plugin operation), empty after a clean reconcile
 * @param converged    no rollout under way, nothing running, and the group at its size
 * @param observedAt   when the controller last observed the members (null: not yet)
 */
public record GroupStatus(GroupId id, GroupPhase phase, int desired, int current, int updated, int healthy,
                          int unavailable, String currentHash, String targetHash, String reason, String lastError,
                          boolean paused, boolean converged, Instant observedAt) {

    public GroupStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phase, "phase");
        currentHash = currentHash == null ? "" : currentHash;
        targetHash = targetHash == null ? "" : targetHash;
        reason = reason == null ? "" : reason;
        lastError = lastError == null ? "" : lastError;
    }

    public GroupStatus withLastError(String error) {
        return new GroupStatus(id, phase, desired, current, updated, healthy, unavailable, currentHash, targetHash,
                reason, error, paused, converged, observedAt);
    }
}
