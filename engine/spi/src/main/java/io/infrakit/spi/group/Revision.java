package io.infrakit.spi.group;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Objects;

/**
 * One revision of a group: a config (the Instance and Flavor sections) the group was committed with, addressed by
 * its config hash. Its content never changes; a later commit of the same config is the same revision, moved to the
 * top of the history.
 *
 * @param id             the config hash
 * @param committedAt    when the group was last committed (or rolled back) to this config
 * @param plan           what that commit said it would do
 * @param provenHealthy  the whole group once ran this config, every member healthy
 * @param target         the group runs or moves to this revision now
 */
public record Revision(@JsonProperty("ID") String id,
                       @JsonProperty("CommittedAt") Instant committedAt,
                       @JsonProperty("Plan") String plan,
                       @JsonProperty("ProvenHealthy") boolean provenHealthy,
                       @JsonProperty("Target") boolean target) {

    public Revision {
        Objects.requireNonNull(id, "id");
        plan = plan == null ? "" : plan;
    }
}
