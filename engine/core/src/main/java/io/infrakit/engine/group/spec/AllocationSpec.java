package io.infrakit.engine.group.spec;

import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.instance.LogicalId;

import java.util.List;

/**
 * How many instances: a size (cattle) or a list of logical IDs (pets), and at most how many plugin operations
 * run at once for the group (0: as set by the controller).
 */
public record AllocationSpec(int size, List<LogicalId> logicalIds, int maxParallel) {

    public AllocationSpec {
        logicalIds = logicalIds == null ? List.of() : List.copyOf(logicalIds);
    }

    public boolean isQuorum() {
        return !logicalIds.isEmpty();
    }

    /** The number of instances the group keeps. */
    public int target() {
        return isQuorum() ? logicalIds.size() : size;
    }

    public Allocation toSpi() {
        return new Allocation(size, logicalIds);
    }
}
