package io.infrakit.plugins.flavor.swarm;

import java.util.Map;

/**
 * One node as the swarm's managers see it, with Docker's lower-case words: role {@code manager}/{@code worker},
 * state {@code ready}/{@code down}/..., availability {@code active}/{@code pause}/{@code drain}, and for a manager
 * its reachability ({@code reachable}/{@code unreachable}; empty for a worker). {@code version} is the node
 * object's version, which an update must name.
 */
record SwarmNode(String id, long version, String hostname, Map<String, String> engineLabels, String role,
                 String state, String availability, String reachability) {

    static final String READY = "ready";
    static final String MANAGER = "manager";
    static final String REACHABLE = "reachable";

    SwarmNode {
        engineLabels = engineLabels == null ? Map.of() : Map.copyOf(engineLabels);
        reachability = reachability == null ? "" : reachability;
    }

    boolean isManager() {
        return MANAGER.equals(role);
    }
}
