package io.infrakit.common;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as InfraKit (Go) writes them: {@code 100ms}, {@code 1s}, {@code 1m30s}, {@code 1.5h},
 * {@code -2s}; units {@code ns}, {@code us} ({@code µs}), {@code ms}, {@code s}, {@code m}, {@code h}. A bare
 * {@code 0} is zero.
 */
public final class Durations {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final Pattern COMPONENT = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)([a-z\u00b5\u03bc]+)");

    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,
            "\u03bcs", 1_000L,
            "ms", 1_000_000L,
            "s", NANOS_PER_SECOND,
            "m", 60 * NANOS_PER_SECOND,
            "h", 3600 * NANOS_PER_SECOND);

    private Durations() {
    }

    /**
     * Parses a Go duration, ignoring surrounding white space; throws IllegalArgumentException naming the text when
     * it is not one.
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip();
        boolean negative = value.startsWith("-");
        String magnitude = negative || value.startsWith("+") ? value.substring(1) : value;
        if (magnitude.equals("0")) {
            return Duration.ZERO;
        }
        Matcher component = COMPONENT.matcher(magnitude);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (end < magnitude.length()) {
            Long unit = component.region(end, magnitude.length()).lookingAt()
                    ? NANOS_PER_UNIT.get(component.group(2))
                    : null;
            if (unit == null) {
                throw invalid(text);
            }
            nanos = nanos.add(new BigDecimal(component.group(1)).multiply(BigDecimal.valueOf(unit)));
            end = component.end();
        }
        if (magnitude.isEmpty()) {
            throw invalid(text);
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("duration out of range: \"" + text + "\"");
        }
        // Like Go, fractions of a nanosecond are dropped.
        long whole = nanos.longValue();
        return Duration.ofNanos(negative ? -whole : whole);
    }

    /** Writes a duration the way Go prints one: {@code 0s}, {@code 100ms}, {@code 1m30s}, {@code 1h0m0s}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long magnitude = Math.abs(nanos);
        if (magnitude < 1_000) {
            return sign + magnitude + "ns";
        }
        if (magnitude < 1_000_000) {
            return sign + decimal(magnitude, 1_000) + "\u00b5s";
        }
        if (magnitude < NANOS_PER_SECOND) {
            return sign + decimal(magnitude, 1_000_000) + "ms";
        }
        long hours = magnitude / (3600 * NANOS_PER_SECOND);
        long minutes = magnitude / (60 * NANOS_PER_SECOND) % 60;
        long secondsInNanos = magnitude % (60 * NANOS_PER_SECOND);
        StringBuilder text = new StringBuilder(sign);
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            text.append(minutes).append('m');
        }
        return text.append(decimal(secondsInNanos, NANOS_PER_SECOND)).append('s').toString();
    }

    private static String decimal(long value, long unit) {
        BigDecimal result = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros();
        return result.toPlainString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\": expected a number with a unit, "
                + "such as 100ms, 1s, 1m30s or 2h");
    }
}
