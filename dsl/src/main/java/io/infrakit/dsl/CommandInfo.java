package io.infrakit.dsl;

import java.io.Serializable;
import java.util.Objects;

/** A command declared by a playbook; {@code description} is empty when the script gives none. */
public record CommandInfo(String name, String description, int line) implements Serializable {

    public CommandInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
