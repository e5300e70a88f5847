package io.infrakit.dsl;

import java.util.Objects;

/** Set the size of the group {@code id}. */
public record ScaleGroup(String id, int size, int line) implements Action {

    public ScaleGroup {
        Objects.requireNonNull(id, "id");
    }
}
