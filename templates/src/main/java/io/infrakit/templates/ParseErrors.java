package io.infrakit.templates;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;

/** One-line descriptions of JSON and YAML parse errors. */
final class ParseErrors {

    private ParseErrors() {
    }

    /** {@code line L, column C: <reason>}. */
    static String describe(JsonProcessingException error) {
        JsonLocation at = error.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return where + reason(error);
    }

    /** The reason alone, for a caller that names the position itself. */
    static String reason(JsonProcessingException error) {
        return reason(error.getOriginalMessage());
    }

    /**
     * The sentences of a parser message without the excerpts and markers that follow them. SnakeYAML says what
     * it was doing first and what went wrong last: "expected ',' or ']' (while parsing a flow sequence)".
     */
    private static String reason(String message) {
        List<String> sentences = (message == null ? "" : message).lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip)
                .toList();
        if (sentences.isEmpty()) {
            return "cannot be parsed";
        }
        String last = sentences.get(sentences.size() - 1);
        return sentences.size() == 1 ? last : last + " (" + sentences.get(0) + ")";
    }
}
