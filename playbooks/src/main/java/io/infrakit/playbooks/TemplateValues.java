package io.infrakit.playbooks;

import io.infrakit.dsl.ImageOutput;
import io.infrakit.common.Durations;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The plain values a template sees: image outputs replaced by what the build gave (or a placeholder before it
 * ran), durations in Go's notation as specs write them.
 */
final class TemplateValues {

    private TemplateValues() {
    }

    static Map<String, Object> plain(Map<String, ?> values, Function<ImageOutput, String> images) {
        Map<String, Object> plain = new LinkedHashMap<>();
        values.forEach((name, value) -> plain.put(name, plainValue(value, images)));
        return plain;
    }

    private static Object plainValue(Object value, Function<ImageOutput, String> images) {
        if (value instanceof ImageOutput output) {
            return images.apply(output);
        }
        if (value instanceof Duration duration) {
            return Durations.format(duration);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0 ? (Object) decimal.toBigInteger() : decimal.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> plain = new LinkedHashMap<>();
            map.forEach((key, item) -> plain.put(String.valueOf(key), plainValue(item, images)));
            return plain;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> plainValue(item, images)).toList();
        }
        return value;
    }
}
