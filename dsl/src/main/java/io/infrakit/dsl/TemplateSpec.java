package io.infrakit.dsl;

import io.infrakit.dsl.internal.PlainValues;

import java.util.Map;
import java.util.Objects;

/**
 * A spec file of the playbook, {@code path} relative to the playbook root; a {@code .ftl} file is rendered with
 * {@code vars}, any other file is read as it is.
 */
public record TemplateSpec(String path, Map<String, Object> vars) implements SpecSource {

    public TemplateSpec {
        Objects.requireNonNull(path, "path");
        vars = PlainValues.freeze(vars);
    }
}
