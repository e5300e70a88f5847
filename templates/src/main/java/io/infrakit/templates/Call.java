package io.infrakit.templates;

import freemarker.core.Environment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One call of an InfraKit function from a template: its arguments as plain Java values, and where it was made. */
final class Call {

    private final String function;
    private final List<Object> arguments;
    private final Environment environment;

    Call(String function, List<Object> arguments, Environment environment) {
        this.function = function;
        this.arguments = arguments;
        this.environment = environment;
    }

    Environment environment() {
        return environment;
    }

    RenderContext context() {
        return RenderContext.of(environment);
    }

    int count() {
        return arguments.size();
    }

    boolean has(int index) {
        return index < arguments.size() && arguments.get(index) != null;
    }

    /** The argument at {@code index}, or null when the template did not give it. */
    Object value(int index) {
        return index < arguments.size() ? arguments.get(index) : null;
    }

    String string(int index) {
        Object value = value(index);
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw problem(value == null ? "argument " + (index + 1) + " is missing"
                : "argument " + (index + 1) + " must be a string");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(int index) {
        if (value(index) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw problem("argument " + (index + 1) + " must be a hash");
    }

    /** Where {@code reference} points, seen from the template that made this call. */
    Location resolve(String reference) {
        return Location.ofTemplateName(environment.getCurrentTemplate().getName()).resolve(reference);
    }

    /** A problem with this call, naming the function. */
    RenderProblem problem(String reason) {
        return new RenderProblem(function + "(): " + reason);
    }
}
