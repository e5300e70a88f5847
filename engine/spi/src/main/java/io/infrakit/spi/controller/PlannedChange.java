package io.infrakit.spi.controller;

import java.util.Objects;

/** The answer to {@link Controller#plan}: the object as it would be after the commit, and the plan to get there. */
public record PlannedChange(ManagedObject object, Plan plan) {

    public PlannedChange {
        Objects.requireNonNull(object, "object");
        plan = plan == null ? Plan.of() : plan;
    }
}
