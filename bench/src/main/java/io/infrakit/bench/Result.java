package io.infrakit.bench;

/** One line of the table: what was measured, its timings, and the target it is held to, if any. */
record Result(String name, Stats stats, int operations, String target) {

    /** Operations per second at the median. */
    long throughput() {
        double seconds = stats.median().toNanos() / 1e9;
        return seconds == 0 ? 0 : Math.round(operations / seconds);
    }
}
