package io.infrakit.templates;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one top-level render (its include()s and source()s count in it), so that a hostile template fails
 * with one line instead of exhausting the JVM.
 *
 * @param renderTime how long it may run
 * @param memoryBudgetBytes how much more memory it may hold than when it started, checked between its directives,
 *     interpolations and blocks of text (see {@link MemoryBudget})
 * @param maxStringLength the longest string a built-in that multiplies sizes may build ({@code ?left_pad},
 *     {@code ?right_pad}, {@code ?join}, {@code ?replace}), checked before it builds
 */
public record TemplateLimits(Duration renderTime, long memoryBudgetBytes, int maxStringLength) {

    public TemplateLimits {
        Objects.requireNonNull(renderTime, "renderTime");
        if (renderTime.isNegative() || renderTime.isZero()) {
            throw new IllegalArgumentException("render time limit must be positive: " + renderTime);
        }
        if (memoryBudgetBytes <= 0) {
            throw new IllegalArgumentException("memory budget must be positive: " + memoryBudgetBytes);
        }
        if (maxStringLength <= 0) {
            throw new IllegalArgumentException("string length limit must be positive: " + maxStringLength);
        }
    }

    /** 10 seconds, 128 MiB, and strings as long as the rendered output may be (16 Mi characters). */
    public static TemplateLimits defaults() {
        return new TemplateLimits(Duration.ofSeconds(10), 128L * 1024 * 1024, Limits.MAX_OUTPUT);
    }

    public TemplateLimits withRenderTime(Duration time) {
        return new TemplateLimits(time, memoryBudgetBytes, maxStringLength);
    }

    public TemplateLimits withMemoryBudget(long bytes) {
        return new TemplateLimits(renderTime, bytes, maxStringLength);
    }

    public TemplateLimits withMaxStringLength(int length) {
        return new TemplateLimits(renderTime, memoryBudgetBytes, length);
    }
}
