package io.infrakit.engine.group.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * How a changed spec rolls out. InfraKit's fields: {@code Count} healthy polls or a {@code Duration} of health
 * before the next instance is replaced, and {@code SkipBeforeInstanceDestroy: drain}. Ours: {@code MaxSurge} and
 * {@code MaxUnavailable} per batch, {@code HealthyDeadline} for each new instance, {@code ProgressDeadline} for the
 * rollout (zero: none) and {@code AutoRollback}.
 */
public record UpdatingSpec(int count, Duration duration, boolean skipDrain, Quantity maxSurge, Quantity maxUnavailable,
                           Duration healthyDeadline, Duration progressDeadline, boolean autoRollback) {

    public static final Quantity DEFAULT_MAX_SURGE = Quantity.of(1);
    public static final Quantity DEFAULT_MAX_UNAVAILABLE = Quantity.of(0);
    public static final Duration DEFAULT_HEALTHY_DEADLINE = Duration.ofMinutes(10);

    public UpdatingSpec {
        duration = Objects.requireNonNullElse(duration, Duration.ZERO);
        maxSurge = Objects.requireNonNullElse(maxSurge, DEFAULT_MAX_SURGE);
        maxUnavailable = Objects.requireNonNullElse(maxUnavailable, DEFAULT_MAX_UNAVAILABLE);
        healthyDeadline = Objects.requireNonNullElse(healthyDeadline, DEFAULT_HEALTHY_DEADLINE);
        progressDeadline = Objects.requireNonNullElse(progressDeadline, Duration.ZERO);
    }

    public static UpdatingSpec defaults() {
        return new UpdatingSpec(0, Duration.ZERO, false, null, null, null, null, false);
    }

    /**
     * With a {@code Count} or {@code Duration} threshold, as in InfraKit, health is asked once a poll: the threshold
     * is measured in polls, so asking between them would not make a rollout faster.
     */
    public boolean hasHealthThreshold() {
        return count > 0 || !duration.isZero();
    }

    public boolean hasProgressDeadline() {
        return !progressDeadline.isZero();
    }
}
