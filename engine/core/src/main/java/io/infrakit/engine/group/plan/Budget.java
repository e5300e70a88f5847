package io.infrakit.engine.group.plan;

import io.infrakit.engine.group.spec.AllocationSpec;
import io.infrakit.engine.group.spec.UpdatingSpec;

/**
 * The disruption budget, shared by the rollout and self-healing: how many extra instances a rollout may add
 * (surge), and how many members must stay (count floor) and stay healthy (healthy floor). Pets never surge (a
 * logical ID names one instance) and replace at least one at a time, never dropping below a quorum when more
 * than one remains.
 */
record Budget(int size, int surge, int countFloor, int healthyFloor) {

    static Budget of(AllocationSpec allocation, UpdatingSpec updating) {
        int size = allocation.target();
        int unavailable = updating.maxUnavailable().resolve(size, false);
        if (allocation.isQuorum()) {
            int batch = Math.max(1, unavailable);
            int quorum = size / 2 + 1;
            int floor = Math.max(0, Math.min(Math.max(size - batch, quorum), size - 1));
            return new Budget(size, 0, floor, floor);
        }
        int surge = updating.maxSurge().resolve(size, true);
        if (surge == 0 && unavailable == 0) {
            surge = 1;
        }
        int floor = Math.max(0, size - unavailable);
        return new Budget(size, surge, floor, floor);
    }
}
