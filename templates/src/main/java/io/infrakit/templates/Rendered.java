package io.infrakit.templates;

import java.util.List;
import java.util.Objects;

/**
 * The result of rendering one template.
 *
 * @param name the template's display name: its file name, or the name it was given
 * @param text the rendered output
 * @param params the parameters declared with {@code param()} while rendering, in order of first declaration
 * @param sourceMap which line of the template wrote each part of the text, for errors found in it
 */
public record Rendered(String name, String text, List<TemplateParam> params, SourceMap sourceMap) {

    public Rendered {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        params = List.copyOf(params);
        sourceMap = sourceMap == null ? SourceMap.empty() : sourceMap;
    }

    public Rendered(String name, String text, List<TemplateParam> params) {
        this(name, text, params, SourceMap.empty());
    }

    /** Positions in the text as errors name them: the template's line and column, {@code name} for the template. */
    public io.infrakit.common.TextPositions positions(String name) {
        return sourceMap.positions(name, text);
    }
}
