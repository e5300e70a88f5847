package io.infrakit.plugins.flavor.vanilla;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.InvalidSpecException;

import java.util.Iterator;
import java.util.List;

/** The checks every vanilla flavor property is read with, so each error is worded the same way. */
final class PropertyChecks {

    private PropertyChecks() {
    }

    /**
     * Rejects a key of {@code node} that is not {@code known}; {@code prefix} names the enclosing property
     * ({@code "HealthCheck."}, or empty at the top level).
     */
    static void rejectUnknown(JsonNode node, List<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String hint = known.stream().filter(candidate -> candidate.equalsIgnoreCase(name))
                        .map(candidate -> " (did you mean \"" + prefix + candidate + "\"?)").findFirst()
                        .orElse("; known properties: "
                                + String.join(", ", known.stream().map(candidate -> prefix + candidate).toList()));
                throw new InvalidSpecException("unknown vanilla flavor property \"" + prefix + name + "\"" + hint);
            }
        }
    }

    static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }

    static InvalidSpecException mistyped(String property, String expected, JsonNode value) {
        return new InvalidSpecException(
                "vanilla flavor property \"" + property + "\" must be " + expected + ", got " + value);
    }
}
