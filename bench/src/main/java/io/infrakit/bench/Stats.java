package io.infrakit.bench;

import java.time.Duration;
import java.util.List;

/** The median, fastest and slowest of several runs. */
record Stats(Duration median, Duration min, Duration max, int runs) {

    static Stats of(List<Duration> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Duration> sorted = samples.stream().sorted().toList();
        int middle = sorted.size() / 2;
        Duration median = sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
        return new Stats(median, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }
}
