package io.infrakit.spi.group;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A group's state as its controller last saw it, for {@code group describe} and waiting CLIs. Not part of
 * InfraKit's Group SPI: served through {@link RolloutControl}.
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
 * @param eta          how long until the group converges, estimated from the provision and health times measured
 *                     in this group (null: converged, paused, failed, or nothing measured yet)
 */
public record GroupStatus(@JsonProperty("ID") GroupId id,
                          @JsonProperty("Phase") GroupPhase phase,
                          @JsonProperty("Desired") int desired,
                          @JsonProperty("Current") int current,
                          @JsonProperty("Updated") int updated,
                          @JsonProperty("Healthy") int healthy,
                          @JsonProperty("Unavailable") int unavailable,
                          @JsonProperty("CurrentHash") String currentHash,
                          @JsonProperty("TargetHash") String targetHash,
                          @JsonProperty("Reason") String reason,
                          @JsonProperty("LastError") String lastError,
                          @JsonProperty("Paused") boolean paused,
                          @JsonProperty("Converged") boolean converged,
                          @JsonProperty("ObservedAt") Instant observedAt,
                          @JsonProperty("ETA") @JsonFormat(shape = JsonFormat.Shape.STRING) Duration eta) {

    public GroupStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phase, "phase");
        currentHash = currentHash == null ? "" : currentHash;
        targetHash = targetHash == null ? "" : targetHash;
        reason = reason == null ? "" : reason;
        lastError = lastError == null ? "" : lastError;
    }

    /** A status without an estimate. */
    public GroupStatus(GroupId id, GroupPhase phase, int desired, int current, int updated, int healthy,
                       int unavailable, String currentHash, String targetHash, String reason, String lastError,
                       boolean paused, boolean converged, Instant observedAt) {
        this(id, phase, desired, current, updated, healthy, unavailable, currentHash, targetHash, reason, lastError,
                paused, converged, observedAt, null);
    }

    public GroupStatus withLastError(String error) {
        return new GroupStatus(id, phase, desired, current, updated, healthy, unavailable, currentHash, targetHash,
                reason, error, paused, converged, observedAt, eta);
    }

    public GroupStatus withEta(Duration estimate) {
        return new GroupStatus(id, phase, desired, current, updated, healthy, unavailable, currentHash, targetHash,
                reason, lastError, paused, converged, observedAt, estimate);
    }
}
