package io.infrakit.dsl;

import io.infrakit.dsl.internal.PlainValues;

import java.util.Map;
import java.util.Objects;

/** Build the image described by {@code file} (relative to the playbook root) with these template variables. */
public record BuildImage(String file, Map<String, Object> vars, int line) implements Action {

    public BuildImage {
        Objects.requireNonNull(file, "file");
        vars = PlainValues.freeze(vars);
    }
}
