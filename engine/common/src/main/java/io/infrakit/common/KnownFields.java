package io.infrakit.common;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Identifiers;
import io.infrakit.spi.InvalidSpecException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The field names a spec may use at each level of an object, so a misspelt one is refused with a suggestion instead
 * of being ignored: {@code unknown field 'Alocation'; did you mean 'Allocation'?}. A level that is {@link #ANY}
 * belongs to someone else (a plugin's own Properties) and is not checked here. A list's elements are checked as
 * the field that holds the list.
 */
public final class KnownFields {

    /** A value whose fields are not ours to check. */
    public static final KnownFields ANY = new KnownFields(null);

    private final Map<String, KnownFields> fields;
    /** For a map whose keys are the user's own names: what each value may hold; null for an object. */
    private final KnownFields eachValue;

    private KnownFields(Map<String, KnownFields> fields) {
        this(fields, null);
    }

    private KnownFields(Map<String, KnownFields> fields, KnownFields eachValue) {
        this.fields = fields;
        this.eachValue = eachValue;
    }

    /** A map whose keys are the user's own names (plugins by name), each value checked as {@code values}. */
    public static KnownFields eachValue(KnownFields values) {
        return new KnownFields(Map.of(), values);
    }

    /** An object with these fields, each with what its value may hold: {@code of("Size", ANY, "Plugin", ANY)}. */
    public static KnownFields of(Object... namesAndFields) {
        Map<String, KnownFields> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndFields.length; i += 2) {
            fields.put((String) namesAndFields[i], (KnownFields) namesAndFields[i + 1]);
        }
        return new KnownFields(Collections.unmodifiableMap(fields));
    }

    /**
     * Walks the document {@code parser} reads and throws at the first unknown field, naming the source and the
     * field's line and column as {@code positions} tell them: {@code name:line:col: unknown field 'X'; did you mean 'Y'?}. Syntax errors are the
     * parser's own exceptions, for the caller to report as it reports them.
     */
    public void check(String name, TextPositions positions, JsonParser parser) throws IOException {
        Deque<KnownFields> levels = new ArrayDeque<>();
        KnownFields value = this;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    if (value == ANY) {
                        parser.skipChildren();
                        value = levels.isEmpty() ? ANY : levels.peek();
                    } else {
                        levels.push(value);
                    }
                }
                case FIELD_NAME -> value = levels.peek().field(name, positions, parser);
                default -> {
                    if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                        levels.pop();
                    }
                    value = levels.isEmpty() ? ANY : levels.peek();
                }
            }
        }
    }

    /**
     * The same check for a tree that has no positions left (an inline spec, a rendered one): the first unknown
     * field, named by the spec path of the object that holds it ({@code path} is the tree's own, may be empty).
     */
    public Optional<String> problem(JsonNode tree, String path) {
        if (this == ANY || tree == null) {
            return Optional.empty();
        }
        if (tree.isArray()) {
            for (int i = 0; i < tree.size(); i++) {
                Optional<String> problem = problem(tree.get(i), path + "[" + i + "]");
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            KnownFields known = eachValue != null ? eachValue : fields.get(field.getKey());
            if (known == null) {
                return Optional.of((path.isEmpty() ? "" : path + ": ") + unknown(field.getKey()));
            }
            Optional<String> problem = known.problem(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private KnownFields field(String name, TextPositions positions, JsonParser parser) throws IOException {
        if (this == ANY) {
            return ANY;
        }
        if (eachValue != null) {
            return eachValue;
        }
        String field = parser.currentName();
        KnownFields known = fields.get(field);
        if (known == null) {
            throw new InvalidSpecException(where(name, positions, parser.currentTokenLocation()) + unknown(field));
        }
        return known;
    }

    private String unknown(String field) {
        String hint = Suggestions.hint(field, fields.keySet());
        return "unknown field '" + Identifiers.escape(field) + "'"
                + (hint.isEmpty() ? "; known: " + String.join(", ", fields.keySet()) : hint);
    }

    private static String where(String name, TextPositions positions, JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? name + ": "
                : positions.at(location.getLineNr(), location.getColumnNr()) + ": ";
    }
}
