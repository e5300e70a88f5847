package io.infrakit.spi.group;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a group controller did or saw, for {@code group watch}. Never carries instance properties, so no
 * secret of a spec ever shows up in an event.
 *
 * @param sequence  numbers a group's events from 1, in order; a restarted controller starts again at 1
 * @param type      one word: Committed, Provisioned, ProvisionFailed, Destroyed, DestroyFailed, Drained, Healthy,
 *                  RolloutStarted, RolloutStep, RolloutCompleted, RolloutFailed, RollbackStarted, RolledBack,
 *                  Paused, Resumed, ReconcileFailed, Converged
 * @param instance  the instance concerned, empty if none
 */
public record GroupEvent(@JsonProperty("Sequence") long sequence,
                         @JsonProperty("Time") Instant time,
                         @JsonProperty("Type") String type,
                         @JsonProperty("Instance") String instance,
                         @JsonProperty("Message") String message) {

    public GroupEvent {
        Objects.requireNonNull(type, "type");
        instance = instance == null ? "" : instance;
        message = message == null ? "" : message;
    }
}
