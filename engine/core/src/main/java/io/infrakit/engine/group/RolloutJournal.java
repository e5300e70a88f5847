package io.infrakit.engine.group;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a group's controller must remember across a restart, besides what the instances' tags tell: the revisions
 * (config hashes) in the order they were last committed, which one the user committed, which one the rollout moves
 * to and which it can fall back to, whether it is a rollback, and the user's pause. Never the instances.
 *
 * @param committed  the config hash of the spec the user last committed
 * @param target     the config hash the rollout moves the members to
 * @param fallback   the proven config hash an AutoRollback returns to (null: none)
 * @param proven     the last config hash the whole group was healthy on (null: none yet)
 * @param revisions  the most recently committed first
 */
public record RolloutJournal(@JsonProperty("Committed") String committed,
                      @JsonProperty("Target") String target,
                      @JsonProperty("Fallback") String fallback,
                      @JsonProperty("Proven") String proven,
                      @JsonProperty("RollingBack") boolean rollingBack,
                      @JsonProperty("Reason") String reason,
                      @JsonProperty("Paused") boolean paused,
                      @JsonProperty("Revisions") List<Entry> revisions) {

    public RolloutJournal {
        Objects.requireNonNull(committed, "Committed");
        Objects.requireNonNull(target, "Target");
        reason = reason == null ? "" : reason;
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    /** The same journal with config hashes replaced as the map says (those not in it stay). */
    RolloutJournal renamed(Map<String, String> newIds) {
        UnaryOperator<String> rename = id -> id == null ? null : newIds.getOrDefault(id, id);
        return new RolloutJournal(rename.apply(committed), rename.apply(target), rename.apply(fallback),
                rename.apply(proven), rollingBack, reason, paused, revisions.stream()
                .map(entry -> new Entry(rename.apply(entry.id()), entry.committedAt(), entry.plan(),
                        entry.provenHealthyAt()))
                .toList());
    }

    /** One revision in the history: its config hash, its last commit and its plan, and when it was proven. */
    public record Entry(@JsonProperty("ID") String id,
                 @JsonProperty("CommittedAt") Instant committedAt,
                 @JsonProperty("Plan") String plan,
                 @JsonProperty("ProvenHealthyAt") Instant provenHealthyAt) {

        public Entry {
            Objects.requireNonNull(id, "ID");
            plan = plan == null ? "" : plan;
        }

        Entry recommitted(Instant at, String newPlan) {
            return new Entry(id, at, newPlan, provenHealthyAt);
        }

        Entry proven(Instant at) {
            return provenHealthyAt == null ? new Entry(id, committedAt, plan, at) : this;
        }
    }
}
