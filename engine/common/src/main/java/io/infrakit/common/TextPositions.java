package io.infrakit.common;

/**
 * How an error names a position in a spec's text: {@code name:line:column} of the text itself, or, for a rendered
 * template, the line and column of the template that wrote that part of it.
 */
@FunctionalInterface
public interface TextPositions {

    /** {@code name:line:column}, for a position in the text (both 1-based). */
    String at(int line, int column);

    static TextPositions of(String name) {
        return (line, column) -> name + ":" + line + ":" + column;
    }
}
