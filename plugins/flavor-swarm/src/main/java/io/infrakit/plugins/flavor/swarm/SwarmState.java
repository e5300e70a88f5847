package io.infrakit.plugins.flavor.swarm;

/**
 * What the flavor reads from the swarm before preparing an instance: the cluster ID, the join tokens and the address
 * of the manager the flavor talks to ({@code host:port}). All empty when that engine is not in a swarm.
 */
record SwarmState(String clusterId, String workerToken, String managerToken, String managerAddr) {

    static final SwarmState NONE = new SwarmState("", "", "", "");

    SwarmState {
        clusterId = clusterId == null ? "" : clusterId;
        workerToken = workerToken == null ? "" : workerToken;
        managerToken = managerToken == null ? "" : managerToken;
        managerAddr = managerAddr == null ? "" : managerAddr;
    }

    boolean initialized() {
        return !clusterId.isEmpty();
    }
}
