package io.infrakit.dsl;

import java.util.Objects;

/** A message for the user; secret parameter values in it are already masked. */
public record Echo(String text, int line) implements Action {

    public Echo {
        Objects.requireNonNull(text, "text");
    }
}
