package io.infrakit.spi.group;

import io.infrakit.spi.InterfaceSpec;

import java.util.List;
import java.util.Optional;

/**
 * Optional capability of a group plugin, beyond InfraKit's Group SPI: a group's status in detail, control of its
 * rollouts, its revisions and its events. Callers test for it with instanceof; over the wire it is the interface
 * {@code Rollout/0.1.0}.
 */
public interface RolloutControl {

    InterfaceSpec INTERFACE = new InterfaceSpec("Rollout", "0.1.0");

    GroupStatus status(GroupId id);

    /** Holds the group's rollout where it stands; self-healing goes on. */
    void pause(GroupId id);

    void resume(GroupId id);

    /** The group's revisions, the most recently committed first. */
    default List<Revision> history(GroupId id) {
        throw new UnsupportedOperationException("this group plugin keeps no revisions");
    }

    /**
     * Moves the group back to a revision: the given one (its ID or an unambiguous prefix), or else the last one
     * proven healthy other than the current target. Returns the revision now targeted.
     */
    default Revision rollback(GroupId id, Optional<String> toRevision) {
        throw new UnsupportedOperationException("this group plugin keeps no revisions");
    }

    /** The group's recent events numbered above {@code afterSequence}, oldest first (all kept, if the log restarted). */
    default List<GroupEvent> events(GroupId id, long afterSequence) {
        throw new UnsupportedOperationException("this group plugin records no events");
    }
}
