package io.infrakit.cli;

import io.infrakit.spi.InvalidSpecException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --var k=v} values as InfraKit types them: an integer if it parses as one, else a boolean, else the
 * string; key and value trimmed.
 */
public final class TemplateVariables {

    private TemplateVariables() {
    }

    public static Map<String, Object> parse(List<String> assignments) {
        Map<String, Object> vars = new LinkedHashMap<>();
        strings(assignments, "--var").forEach((name, value) -> vars.put(name, typed(value)));
        return vars;
    }

    public static Map<String, String> strings(List<String> assignments, String option) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            String name = equals < 0 ? "" : assignment.substring(0, equals).strip();
            if (name.isEmpty()) {
                throw new InvalidSpecException(option + " " + assignment + ": expected NAME=VALUE");
            }
            values.put(name, assignment.substring(equals + 1).strip());
        }
        return values;
    }

    private static Object typed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notAnInteger) {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            return value;
        }
    }
}
