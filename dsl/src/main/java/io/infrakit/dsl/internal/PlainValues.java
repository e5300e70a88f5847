package io.infrakit.dsl.internal;

import groovy.lang.Closure;
import io.infrakit.dsl.ImageOutput;
import io.infrakit.dsl.TemplateSpec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a plan may hold: String, Integer, Long, BigDecimal, Boolean, Duration, ImageOutput, TemplateSpec, and
 * lists and maps (String keys) of them. Converts what a script produces (GStrings, ranges, doubles) into these.
 */
public final class PlainValues {

    private static final int MAX_DEPTH = 64;

    private PlainValues() {
    }

    /** A deep, unmodifiable copy of a map of plain values; keeps the order and null values. */
    public static Map<String, Object> freeze(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, freezeValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** A script's map as a plain map, e.g. the {@code vars} of a template. */
    static Map<String, Object> toPlainMap(Map<?, ?> map) {
        return plainMap(map, 0);
    }

    /** A script's value as a plain value; throws {@link ScriptError} for what a plan cannot hold. */
    static Object toPlain(Object value) {
        return plain(value, 0);
    }

    private static Object freezeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(String.valueOf(key), freezeValue(element)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(freezeValue(element)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    private static Object plain(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ScriptError("a value is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof BigDecimal || value instanceof Boolean || value instanceof Duration
                || value instanceof ImageOutput || value instanceof TemplateSpec) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new ScriptError("the number " + value + " cannot be used in a plan");
            }
            return new BigDecimal(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            return plainMap(map, depth);
        }
        if (value instanceof Collection<?> || value instanceof Object[]) {
            Collection<?> elements = value instanceof Object[] array ? List.of(array) : (Collection<?>) value;
            List<Object> list = new ArrayList<>(elements.size());
            for (Object element : elements) {
                list.add(plain(element, depth + 1));
            }
            return list;
        }
        if (value instanceof ImageRef image) {
            throw new ScriptError("the result of image('" + image.file() + "') is not a value; use one of its "
                    + "outputs: " + String.join(", ", ImageOutput.OUTPUTS));
        }
        if (value instanceof Closure<?>) {
            throw new ScriptError("a closure cannot be used as a value");
        }
        throw new ScriptError("a value of type " + value.getClass().getSimpleName() + " cannot be used in a plan");
    }

    private static Map<String, Object> plainMap(Map<?, ?> map, int depth) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put(String.valueOf(plain(entry.getKey(), depth + 1)), plain(entry.getValue(), depth + 1));
        }
        return copy;
    }
}
