package io.infrakit.spi.controller;

import io.infrakit.spi.InterfaceSpec;

import java.util.List;

/**
 * InfraKit's generic controller ({@code Controller/0.1.1}): it takes specs of the objects it manages, keeps
 * reality at them, describes them, and lets go of them.
 */
public interface Controller {

    InterfaceSpec INTERFACE = new InterfaceSpec("Controller", "0.1.1");

    /** A commit that changes nothing: the object as it would be, and what committing would do. */
    PlannedChange plan(Operation operation, ObjectSpec spec);

    /**
     * Takes the spec under management ({@link Operation#ENFORCE}) or destroys its object ({@link Operation#DESTROY},
     * for which the metadata is enough); returns the object.
     */
    ManagedObject commit(Operation operation, ObjectSpec spec);

    /** The managed objects the search matches; {@link Metadata#ANY} for all of them. */
    List<ManagedObject> describe(Metadata search);

    /** Stops managing the objects the search matches and returns them; committing again resumes. */
    List<ManagedObject> free(Metadata search);
}
