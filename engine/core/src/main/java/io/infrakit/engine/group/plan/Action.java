package io.infrakit.engine.group.plan;

import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.LogicalId;

/** What the planner asks the executor to do. */
public sealed interface Action {

    /** Create one instance with the config of this hash (and this logical ID, for pets; else null). */
    record Provision(String configHash, LogicalId logicalId, long sequence) implements Action {
    }

    /**
     * Drain (unless skipped) and destroy one member. In a rolling update, self is drained and never destroyed.
     */
    record Destroy(InstanceDescription instance, DestroyReason reason, boolean self) implements Action {
    }
}
