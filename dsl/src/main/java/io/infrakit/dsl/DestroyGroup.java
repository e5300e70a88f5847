package io.infrakit.dsl;

import java.util.Objects;

/** Destroy the group {@code id} and its instances. */
public record DestroyGroup(String id, int line) implements Action {

    public DestroyGroup {
        Objects.requireNonNull(id, "id");
    }
}
