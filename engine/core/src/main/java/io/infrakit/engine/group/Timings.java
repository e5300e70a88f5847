package io.infrakit.engine.group;

import java.time.Duration;

/**
 * What this group's instances took, as a moving average: from the start of a provision until the provider lists
 * the instance, and from then until the flavor first reports it healthy. Null until measured once.
 */
record Timings(Duration provision, Duration health) {

    static final Timings NONE = new Timings(null, null);

    /** Weight of the newest measurement: recent instances tell more about the next ones than old ones do. */
    private static final double WEIGHT = 0.3;

    Timings withProvision(Duration measured) {
        return new Timings(average(provision, measured), health);
    }

    Timings withHealth(Duration measured) {
        return new Timings(provision, average(health, measured));
    }

    boolean measured() {
        return provision != null && health != null;
    }

    private static Duration average(Duration old, Duration measured) {
        if (measured.isNegative()) {
            measured = Duration.ZERO;
        }
        if (old == null) {
            return measured;
        }
        return Duration.ofNanos((long) (old.toNanos() * (1 - WEIGHT) + measured.toNanos() * WEIGHT));
    }
}
