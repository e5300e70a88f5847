package io.infrakit.plugins.flavor.swarm;

import java.util.List;

/**
 * The few things the flavor asks of a swarm manager's Docker engine. Every method throws {@link SwarmUnreachable}
 * when the engine cannot be reached or refuses, with Docker's reason in one line.
 */
interface SwarmNodes extends AutoCloseable {

    /** The swarm the engine is a manager of, or {@link SwarmState#NONE} when it manages none (no swarm, or a worker). */
    SwarmState state();

    List<SwarmNode> nodes();

    /** Sets the node's availability to {@code drain}: its tasks move to other nodes. */
    void drain(SwarmNode node);

    /** Makes a manager a worker. */
    void demote(SwarmNode node);

    /** {@code docker node rm --force}. */
    void remove(SwarmNode node);

    @Override
    default void close() {
    }
}
