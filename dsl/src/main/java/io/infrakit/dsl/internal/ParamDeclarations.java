package io.infrakit.dsl.internal;

import groovy.lang.Closure;
import io.infrakit.dsl.DslException;
import io.infrakit.dsl.Param;
import io.infrakit.dsl.ParamType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a {@code param 'size', Integer, default: 3, ...} declaration; its default and choices are type-checked. */
final class ParamDeclarations {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final List<String> OPTIONS =
            List.of("default", "description", "prompt", "choices", "validate", "min", "max", "secret");
    /** {@code params}, and what a closure resolves itself before it asks the script for a name. */
    private static final Set<String> RESERVED = Set.of("params", "owner", "delegate", "thisObject", "directive",
            "resolveStrategy", "parameterTypes", "maximumNumberOfParameters", "metaClass", "binding");

    private ParamDeclarations() {
    }

    static DeclaredParam declare(String name, Object type, Map<String, Object> options, int line) {
        if (name == null || !NAME.matcher(name).matches() || RESERVED.contains(name) || DslVerbs.contains(name)) {
            throw new ScriptError(line, "parameter name '" + name + "' must be a name such as 'size' that is not "
                    + "reserved (params, owner, delegate, ...) or a DSL verb");
        }
        ParamType paramType = ParamCoercion.typeOf(type);
        for (String option : options.keySet()) {
            if (!OPTIONS.contains(option)) {
                throw new ScriptError(line, "parameter '" + name + "': unknown option '" + option + "'"
                        + DidYouMean.hint(option, OPTIONS));
            }
        }
        Param untyped = new Param(name, paramType, null, text(options, "description", name, line, ""),
                text(options, "prompt", name, line, null), List.of(), flag(options, name, line), line);
        List<Object> choices = choices(untyped, options.get("choices"));
        Object defaultValue = options.get("default") == null ? null : typed(untyped, options.get("default"));
        if (defaultValue != null && !choices.isEmpty() && !Choices.contains(choices, defaultValue)) {
            throw new ScriptError(line, "parameter '" + name + "': the default '" + ParamCoercion.inMessage(untyped, defaultValue)
                    + "' is not one of " + Choices.list(choices));
        }
        Param param = new Param(name, paramType, defaultValue, untyped.description(), untyped.prompt(), choices,
                untyped.secret(), line);
        return new DeclaredParam(param, validator(options, name, line), bound(options, "min", param),
                bound(options, "max", param));
    }

    private static Object typed(Param param, Object value) {
        try {
            return ParamCoercion.coerce(param, value);
        } catch (DslException mismatch) {
            throw new ScriptError(param.line(), mismatch.getMessage());
        }
    }

    private static List<Object> choices(Param param, Object choices) {
        if (choices == null) {
            return List.of();
        }
        if (!(choices instanceof Collection<?> values) || values.isEmpty()) {
            throw new ScriptError(param.line(), "parameter '" + param.name() + "': choices must be a list of values");
        }
        List<Object> typed = new ArrayList<>();
        for (Object value : values) {
            typed.add(typed(param, value));
        }
        return List.copyOf(typed);
    }

    private static String text(Map<String, Object> options, String option, String name, int line, String absent) {
        Object value = options.get(option);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof CharSequence)) {
            throw new ScriptError(line, "parameter '" + name + "': " + option + " must be a string");
        }
        return value.toString();
    }

    private static boolean flag(Map<String, Object> options, String name, int line) {
        Object value = options.getOrDefault("secret", false);
        if (!(value instanceof Boolean secret)) {
            throw new ScriptError(line, "parameter '" + name + "': secret must be true or false");
        }
        return secret;
    }

    private static Closure<?> validator(Map<String, Object> options, String name, int line) {
        Object value = options.get("validate");
        if (value != null && !(value instanceof Closure<?>)) {
            throw new ScriptError(line, "parameter '" + name + "': validate must be a closure such as { it > 0 }");
        }
        return (Closure<?>) value;
    }

    private static BigDecimal bound(Map<String, Object> options, String option, Param param) {
        Object value = options.get(option);
        if (value == null) {
            return null;
        }
        boolean numeric = param.type() == ParamType.INTEGER || param.type() == ParamType.DECIMAL;
        if (!numeric || !(value instanceof Number number)) {
            throw new ScriptError(param.line(), "parameter '" + param.name() + "': " + option
                    + " must be a number, and only numbers have one");
        }
        return new BigDecimal(number.toString());
    }
}
