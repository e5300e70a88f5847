package io.infrakit.dsl;

import java.util.Objects;

/** Commit the group spec {@code spec} under the group id {@code id}. */
public record CommitGroup(String id, SpecSource spec, int line) implements Action {

    public CommitGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
    }
}
