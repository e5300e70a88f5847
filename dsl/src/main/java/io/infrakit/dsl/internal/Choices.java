package io.infrakit.dsl.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** The allowed values of a parameter: membership (numbers by value, so 1.0 is 1.00) and how they are listed. */
final class Choices {

    private Choices() {
    }

    static boolean contains(List<Object> choices, Object value) {
        return choices.stream().anyMatch(choice -> choice instanceof BigDecimal a && value instanceof BigDecimal b
                ? a.compareTo(b) == 0
                : choice.equals(value));
    }

    /** {@code a, b}, as the user would type them. */
    static String list(List<Object> choices) {
        return choices.stream().map(ParamCoercion::format).collect(Collectors.joining(", "));
    }
}
