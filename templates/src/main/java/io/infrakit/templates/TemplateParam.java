package io.infrakit.templates;

import java.util.Objects;

/**
 * An input a template declared with {@code param(name, type, default, description)}.
 *
 * @param type one of {@code string}, {@code int}, {@code float}, {@code bool}, {@code list}
 * @param defaultValue the default converted to {@code type}; null when the parameter is required
 * @param description empty when none was given
 */
public record TemplateParam(String name, String type, Object defaultValue, String description) {

    public TemplateParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    public boolean required() {
        return defaultValue == null;
    }
}
