package io.infrakit.templates;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The types param() converts to. */
enum ParamType {
    STRING, INT, FLOAT, BOOL, LIST;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ParamType named(String type) {
        for (ParamType candidate : values()) {
            if (candidate.label().equals(type)) {
                return candidate;
            }
        }
        throw new RenderProblem("unknown parameter type '" + type + "'; types: "
                + Arrays.stream(values()).map(ParamType::label).collect(Collectors.joining(", ")));
    }

    /** {@code value} as this type; a {@link RenderProblem} naming the parameter when it is not convertible. */
    Object convert(String parameter, Object value) {
        Object converted;
        try {
            converted = convert(value);
        } catch (NumberFormatException | ArithmeticException e) {
            converted = null;
        }
        if (converted == null) {
            throw new RenderProblem("parameter '" + parameter + "' (" + label() + "): cannot convert '" + value
                    + "' to " + label());
        }
        return converted;
    }

    private Object convert(Object value) {
        return switch (this) {
            case STRING -> value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
                    : isScalar(value) ? value.toString() : null;
            case INT -> value instanceof Number || value instanceof String
                    ? new BigDecimal(value.toString().strip()).longValueExact() : null;
            case FLOAT -> value instanceof Number number ? (Object) number.doubleValue()
                    : value instanceof String text ? (Object) Double.parseDouble(text.strip()) : null;
            case BOOL -> value instanceof Boolean ? value : value instanceof String text ? bool(text.strip()) : null;
            case LIST -> value instanceof List<?> list ? list
                    : value instanceof String text ? commaSeparated(text)
                    : isScalar(value) ? List.of(value) : null;
        };
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static Boolean bool(String text) {
        return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static List<String> commaSeparated(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
    }
}
