package io.infrakit.engine.group.plan;

import io.infrakit.engine.group.spec.AllocationSpec;
import io.infrakit.spi.InvalidSpecException;

/**
 * What committing a spec would do, in InfraKit's words (users and scripts compare them): for a new group
 * {@code Managing N instances}; for a managed group, from the size change and the members not yet at the new
 * config hash.
 */
public final class UpdatePlans {

    public static final String NOOP = "Noop";
    public static final String QUORUM_CHANGE = "Logical ID changes to a quorum is not currently supported";

    private UpdatePlans() {
    }

    public static String newGroup(AllocationSpec allocation) {
        return "Managing " + allocation.target() + " instances";
    }

    /**
     * @param desired   members already at the new config hash
     * @param undesired members at another hash (or none)
     */
    public static String explain(AllocationSpec previous, AllocationSpec next, int desired, int undesired) {
        if (previous.isQuorum() || next.isQuorum()) {
            if (!previous.logicalIds().equals(next.logicalIds())) {
                throw new InvalidSpecException(QUORUM_CHANGE);
            }
            return undesired == 0 ? NOOP : rolling(undesired);
        }
        int newSize = next.size();
        int sizeChange = newSize - previous.size();
        if (sizeChange == 0) {
            return undesired == 0 ? NOOP : rolling(undesired);
        }
        if (sizeChange < 0) {
            String terminating = "Terminating " + -sizeChange + " instances to reduce the group size to " + newSize;
            int rollCount = Math.max(0, newSize - desired);
            return rollCount == 0 ? terminating : terminating + ", then performing a rolling update on " + rollCount
                    + " instances";
        }
        String adding = "adding " + sizeChange + " instances to increase the group size to " + newSize;
        return undesired == 0
                ? Character.toUpperCase(adding.charAt(0)) + adding.substring(1)
                : rolling(undesired) + ", then " + adding;
    }

    private static String rolling(int count) {
        return "Performing a rolling update on " + count + " instances";
    }
}
