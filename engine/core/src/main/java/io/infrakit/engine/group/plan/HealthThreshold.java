package io.infrakit.engine.group.plan;

import io.infrakit.engine.group.spec.UpdatingSpec;

import java.time.Duration;
import java.time.Instant;

/**
 * InfraKit's quiesce check before the next instance is replaced: enough new instances must be healthy, and stay so
 * for {@code Updating.Count} consecutive polls or for {@code Updating.Duration}. A poll that is not satisfied starts
 * the count again. Checks closer together than the poll interval count once, so reconciles triggered by events do
 * not shorten the wait.
 *
 * @param streak          satisfied polls in a row
 * @param countedAt       when the streak last grew (null: never)
 * @param satisfiedSince  when the current run of satisfied polls began (null: not satisfied)
 */
public record HealthThreshold(int streak, Instant countedAt, Instant satisfiedSince) {

    public static final HealthThreshold RESET = new HealthThreshold(0, null, null);

    /** Whether the check passed, and the tracker to keep for the next one. */
    public record Check(boolean passed, HealthThreshold next) {
    }

    /**
     * @param needed  how many new instances must be healthy; zero or less passes at once, without counting
     * @param healthy how many new instances are healthy now
     */
    public Check check(int needed, int healthy, UpdatingSpec updating, Duration pollInterval, Instant now) {
        if (needed <= 0) {
            return new Check(true, this);
        }
        if (healthy < needed) {
            return new Check(false, RESET);
        }
        if (updating.count() > 0) {
            boolean counts = countedAt == null || !now.isBefore(countedAt.plus(pollInterval));
            HealthThreshold next = counts ? new HealthThreshold(streak + 1, now, satisfiedSince) : this;
            return new Check(next.streak >= updating.count(), next);
        }
        if (!updating.duration().isZero()) {
            if (satisfiedSince == null) {
                return new Check(false, new HealthThreshold(streak, countedAt, now));
            }
            return new Check(!now.isBefore(satisfiedSince.plus(updating.duration())), this);
        }
        return new Check(true, this);
    }

    /** Plain words on what the check still waits for. */
    public String waiting(UpdatingSpec updating, Instant now) {
        if (updating.count() > 0) {
            return streak + " of " + updating.count() + " healthy checks";
        }
        if (!updating.duration().isZero() && satisfiedSince != null) {
            return "healthy for " + WaitTimes.format(Duration.between(satisfiedSince, now)) + " of "
                    + WaitTimes.format(updating.duration());
        }
        return "healthy";
    }
}
