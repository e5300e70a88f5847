package io.infrakit.engine.group.plan;

import io.infrakit.engine.group.spec.UpdatingSpec;

import java.time.Duration;
import java.time.Instant;

/**
 * InfraKit's quiesce check before the next instance is replaced: enough new instances must be healthy, and stay so
 * for {@code Updating.Count} consecutive polls or for {@code Updating.Duration}. A poll that is not satisfied starts
 * the count again. Only checks with health fresh from the flavor count (with a threshold, the flavor is asked once a
 * poll); a reconcile triggered by an event in between passes only a threshold already met.
 *
 * @param streak          satisfied polls in a row
 * @param satisfiedSince  when the current run of satisfied polls began (null: not satisfied)
 */
public record HealthThreshold(int streak, Instant satisfiedSince) {

    public static final HealthThreshold RESET = new HealthThreshold(0, null);

    /** Whether the check passed, and the tracker to keep for the next one. */
    public record Check(boolean passed, HealthThreshold next) {
    }

    /**
     * @param needed  how many new instances must be healthy; zero or less passes at once, without counting
     * @param healthy how many new instances are healthy now
     * @param fresh   whether the verdicts were just asked of the flavor (a poll), not remembered from the last one
     */
    public Check check(int needed, int healthy, UpdatingSpec updating, boolean fresh, Instant now) {
        if (needed <= 0) {
            return new Check(true, this);
        }
        if (!fresh) {
            return new Check(healthy >= needed && met(updating, now), this);
        }
        if (healthy < needed) {
            return new Check(false, RESET);
        }
        if (updating.count() > 0) {
            HealthThreshold next = new HealthThreshold(streak + 1, satisfiedSince);
            return new Check(next.met(updating, now), next);
        }
        if (!updating.duration().isZero() && satisfiedSince == null) {
            return new Check(false, new HealthThreshold(streak, now));
        }
        return new Check(met(updating, now), this);
    }

    private boolean met(UpdatingSpec updating, Instant now) {
        if (updating.count() > 0) {
            return streak >= updating.count();
        }
        if (!updating.duration().isZero()) {
            return satisfiedSince != null && !now.isBefore(satisfiedSince.plus(updating.duration()));
        }
        return true;
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
