package io.infrakit.engine.group.plan;

import java.time.Duration;

/** Durations for people: {@code 2m10s}, {@code 10m}, {@code 1h5m}, {@code 500ms}. */
public final class WaitTimes {

    private WaitTimes() {
    }

    public static String format(Duration duration) {
        if (duration.isNegative()) {
            duration = Duration.ZERO;
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.isZero() ? "0s" : duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        StringBuilder text = new StringBuilder();
        append(text, seconds / 3600, "h");
        append(text, seconds / 60 % 60, "m");
        append(text, seconds % 60, "s");
        return text.toString();
    }

    private static void append(StringBuilder text, long value, String unit) {
        if (value > 0) {
            text.append(value).append(unit);
        }
    }
}
