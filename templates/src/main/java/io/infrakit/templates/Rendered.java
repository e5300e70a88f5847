package io.infrakit.templates;

import java.util.List;
import java.util.Objects;

/**
 * The result of rendering one template.
 *
 * @param name the template's display name: its file name, or the name it was given
 * @param text the rendered output
 * @param params the parameters declared with {@code param()} while rendering, in order of first declaration
 */
public record Rendered(String name, String text, List<TemplateParam> params) {

    public Rendered {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        params = List.copyOf(params);
    }
}
