package io.infrakit.bench;

import java.time.Duration;
import java.util.List;

/** The median, smallest and largest of several runs, in the result's unit. */
record Stats(double median, double min, double max, int runs) {

    static Stats of(List<Duration> samples) {
        return ofValues(samples.stream().map(sample -> sample.toNanos() / 1e6).toList());
    }

    static Stats ofValues(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1
                ? sorted.get(middle)
                : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
    }
}
