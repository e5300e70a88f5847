package io.infrakit.dsl.internal;

import io.infrakit.dsl.DslException;
import io.infrakit.dsl.Param;
import io.infrakit.dsl.ParamType;
import io.infrakit.common.Durations;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns command-line strings and script or caller values into a parameter's typed value. */
public final class ParamCoercion {

    /** The most characters of a value an error message shows. */
    static final int SHOWN_CHARS = 20;

    private static final Map<Class<?>, ParamType> TYPES = Map.ofEntries(
            Map.entry(String.class, ParamType.STRING), Map.entry(CharSequence.class, ParamType.STRING),
            Map.entry(Integer.class, ParamType.INTEGER), Map.entry(int.class, ParamType.INTEGER),
            Map.entry(Long.class, ParamType.INTEGER), Map.entry(long.class, ParamType.INTEGER),
            Map.entry(BigDecimal.class, ParamType.DECIMAL), Map.entry(Double.class, ParamType.DECIMAL),
            Map.entry(double.class, ParamType.DECIMAL), Map.entry(Number.class, ParamType.DECIMAL),
            Map.entry(Boolean.class, ParamType.BOOLEAN), Map.entry(boolean.class, ParamType.BOOLEAN),
            Map.entry(List.class, ParamType.LIST), Map.entry(Collection.class, ParamType.LIST),
            Map.entry(Duration.class, ParamType.DURATION));

    private ParamCoercion() {
    }

    /** The parameter type a script names: {@code Integer} is INTEGER. */
    static ParamType typeOf(Object type) {
        ParamType known = type instanceof Class<?> named ? TYPES.get(named) : null;
        if (known == null) {
            throw new ScriptError("a parameter's type must be String, Integer, BigDecimal, Boolean, List or "
                    + "Duration, got " + (type instanceof Class<?> named ? named.getSimpleName() : "'" + type + "'"));
        }
        return known;
    }

    /** See {@link Param#convert(String)}. */
    public static Object convert(Param param, String raw) {
        String text = raw == null ? "" : raw.strip();
        try {
            return switch (param.type()) {
                case STRING -> raw == null ? "" : raw;
                case INTEGER -> integer(Long.parseLong(text));
                case DECIMAL -> new BigDecimal(text);
                case BOOLEAN -> bool(text).orElseThrow(() -> mismatch(param, raw));
                case LIST -> text.isEmpty() ? List.of()
                        : Arrays.stream(text.split(",")).map(String::strip).map(Object.class::cast).toList();
                case DURATION -> Durations.parse(text);
            };
        } catch (IllegalArgumentException notOfThisType) {
            throw mismatch(param, raw);
        }
    }

    /** A value given as an object, by the script (a default, a choice) or by the caller; strings are converted. */
    static Object coerce(Param param, Object value) {
        if (value instanceof CharSequence text) {
            return convert(param, text.toString());
        }
        Object typed;
        try {
            typed = switch (param.type()) {
                case STRING -> null;
                case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof Short
                        || value instanceof Byte ? integer(((Number) value).longValue())
                        : value instanceof BigInteger big && big.bitLength() < 64 ? integer(big.longValue()) : null;
                case DECIMAL -> value instanceof Number number ? decimal(number) : null;
                case BOOLEAN -> value instanceof Boolean ? value : null;
                case LIST -> value instanceof Collection<?> || value instanceof Object[] ? stringList(value) : null;
                case DURATION -> value instanceof Duration ? value : null;
            };
        } catch (NumberFormatException notANumber) {
            typed = null;
        }
        if (typed == null) {
            throw mismatch(param, value);
        }
        return typed;
    }

    /** A typed value as a user would type it on the command line. */
    public static String format(Object value) {
        if (value instanceof Duration duration) {
            return Durations.format(duration);
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static Object integer(long value) {
        return value == (int) value ? (Object) (int) value : (Object) value;
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        return new BigDecimal(number.toString());
    }

    private static Optional<Boolean> bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (text.equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static List<Object> stringList(Object value) {
        Collection<?> elements = value instanceof Object[] array ? Arrays.asList(array) : (Collection<?>) value;
        List<Object> strings = new ArrayList<>(elements.size());
        for (Object element : elements) {
            if (!(element instanceof CharSequence || element instanceof Number || element instanceof Boolean)) {
                return null;
            }
            strings.add(element.toString());
        }
        return List.copyOf(strings);
    }

    /**
     * A value as an error message shows it: a secret one never; another escaped (control, format and bidi
     * characters by their code point, so it cannot drive the terminal) and cut after {@value #SHOWN_CHARS}
     * characters, so that a long value pasted into the wrong parameter (a key, a token) is not printed whole.
     */
    public static String inMessage(Param param, Object value) {
        if (param.secret()) {
            return Param.MASK;
        }
        String text = value instanceof CharSequence chars ? chars.toString() : format(value);
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(SHOWN_CHARS).forEach(codePoint -> {
            int type = Character.getType(codePoint);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                shown.append(String.format("\\u%04x", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
        });
        return text.codePointCount(0, text.length()) > SHOWN_CHARS ? shown + "..." : shown.toString();
    }

    private static DslException mismatch(Param param, Object value) {
        return new DslException("parameter '" + param.name() + "' expects " + param.type().expected() + ", got '"
                + inMessage(param, String.valueOf(value)) + "'");
    }
}
