package io.infrakit.bench;

import java.time.Duration;
import java.util.List;

/** One line of the table: what was measured, in which unit, and the target it is held to, if any. */
record Result(String name, Stats stats, int operations, String target, String unit) {

    static final String MS = "ms";
    static final String MIB = "MiB";
    static final String CPU = "% of a core";

    /** A timing in milliseconds. */
    Result(String name, Stats stats, int operations, String target) {
        this(name, stats, operations, target, MS);
    }

    static Result timed(String name, List<Duration> samples, int operations, String target) {
        return new Result(name, Stats.of(samples), operations, target, MS);
    }

    static Result measured(String name, List<Double> samples, String unit, String target) {
        return new Result(name, Stats.ofValues(samples), 1, target, unit);
    }

    /** Operations per second at the median, for timings. */
    long throughput() {
        double seconds = stats.median() / 1e3;
        return seconds == 0 ? 0 : Math.round(operations / seconds);
    }
}
