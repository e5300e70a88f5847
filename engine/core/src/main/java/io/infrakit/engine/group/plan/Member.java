package io.infrakit.engine.group.plan;

import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.LogicalId;

import java.time.Instant;
import java.util.Objects;

/**
 * One observed member of a group: the instance, the config hash it carries, its health as the flavor judges it,
 * when the controller first knew of it (provisioned or first seen) and whether it runs the controller itself.
 */
public record Member(InstanceDescription instance, String configHash, Health health, Instant since, boolean self) {

    public Member {
        Objects.requireNonNull(instance, "instance");
        configHash = configHash == null ? "" : configHash;
        health = Objects.requireNonNullElse(health, Health.UNKNOWN);
        Objects.requireNonNull(since, "since");
    }

    public InstanceId id() {
        return instance.id();
    }

    /** The logical ID the provider reports, else the one in the {@code infrakit.logical_id} tag; null if none. */
    public LogicalId logicalId() {
        if (instance.logicalId() != null) {
            return instance.logicalId();
        }
        String tagged = instance.tags().get(Tags.LOGICAL_ID);
        return tagged == null || tagged.isBlank() ? null : LogicalId.of(tagged);
    }

    public boolean healthy() {
        return health == Health.HEALTHY;
    }
}
