package io.infrakit.spi.group;

import io.infrakit.spi.InterfaceSpec;

/**
 * Optional capability of a group plugin, beyond InfraKit's Group SPI: a group's status in detail, and control of
 * its rollouts. Callers test for it with instanceof; over the wire it is the interface {@code Rollout/0.1.0}.
 */
public interface RolloutControl {

    InterfaceSpec INTERFACE = new InterfaceSpec("Rollout", "0.1.0");

    GroupStatus status(GroupId id);

    /** Holds the group's rollout where it stands; self-healing goes on. */
    void pause(GroupId id);

    void resume(GroupId id);
}
