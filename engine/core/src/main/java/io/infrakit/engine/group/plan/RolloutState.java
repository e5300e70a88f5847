package io.infrakit.engine.group.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * A rollout as state, not a thread: which config it moves the group to, which proven config it can fall back to,
 * and how far it got. The planner advances it at most one step per reconcile; a new commit replaces it.
 *
 * @param targetHash      the config the members must end up with
 * @param fallbackHash    the last config proven healthy, for a rollback (null: none)
 * @param startedAt       when the rollout began (null while idle)
 * @param lastProgressAt  when a stale member last went away or a new one last became healthy
 * @param lastStale       stale members at the last check, to notice progress
 * @param lastHealthy     healthy new members at the last check, to notice progress
 * @param selfDrained     self was drained in a rolling update; it is left alone from then on
 * @param reason          why it failed or rolled back; empty otherwise
 */
public record RolloutState(RolloutStage stage, String targetHash, String fallbackHash, Instant startedAt,
                           Instant lastProgressAt, int lastStale, int lastHealthy, HealthThreshold threshold,
                           boolean selfDrained, String reason) {

    public RolloutState {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(targetHash, "targetHash");
        threshold = Objects.requireNonNullElse(threshold, HealthThreshold.RESET);
        reason = reason == null ? "" : reason;
    }

    /** A rollout to this config that has not started; it starts when the planner sees a stale member. */
    public static RolloutState idle(String targetHash, String fallbackHash) {
        return new RolloutState(RolloutStage.IDLE, targetHash, fallbackHash, null, null, 0, 0,
                HealthThreshold.RESET, false, "");
    }

    /**
     * A rollback to a proven config, as AutoRollback starts one: no health gates on the way back, nothing to fall
     * back to from there.
     */
    public static RolloutState rollingBackTo(String targetHash, Instant now, String reason) {
        return new RolloutState(RolloutStage.ROLLING_BACK, targetHash, null, now, now, 0, 0, HealthThreshold.RESET,
                false, reason);
    }

    public boolean isRollback() {
        return stage == RolloutStage.ROLLING_BACK || stage == RolloutStage.ROLLED_BACK;
    }

    RolloutState started(Instant now, int stale) {
        return new RolloutState(RolloutStage.ROLLING_OUT, targetHash, fallbackHash, now, now, stale, 0,
                HealthThreshold.RESET, false, "");
    }

    RolloutState finished() {
        RolloutStage end = stage == RolloutStage.ROLLING_BACK || stage == RolloutStage.ROLLED_BACK
                ? RolloutStage.ROLLED_BACK : RolloutStage.COMPLETED;
        return new RolloutState(end, targetHash, end == RolloutStage.ROLLED_BACK ? null : fallbackHash, startedAt,
                lastProgressAt, 0, lastHealthy, HealthThreshold.RESET, selfDrained, reason);
    }

    RolloutState progressed(Instant now, int stale, int healthy) {
        boolean progress = stale < lastStale || healthy > lastHealthy;
        return new RolloutState(stage, targetHash, fallbackHash, startedAt, progress ? now : lastProgressAt,
                stale, healthy, threshold, selfDrained, reason);
    }

    /** While paused, the progress clock stands still. */
    RolloutState heldAt(Instant now) {
        return new RolloutState(stage, targetHash, fallbackHash, startedAt, now, lastStale, lastHealthy,
                HealthThreshold.RESET, selfDrained, reason);
    }

    RolloutState withThreshold(HealthThreshold next) {
        return new RolloutState(stage, targetHash, fallbackHash, startedAt, lastProgressAt, lastStale, lastHealthy,
                next, selfDrained, reason);
    }

    RolloutState stepped(Instant now, boolean drainedSelf) {
        return new RolloutState(stage, targetHash, fallbackHash, startedAt, now, lastStale, lastHealthy,
                HealthThreshold.RESET, selfDrained || drainedSelf, reason);
    }

    RolloutState rollingBack(Instant now, String why) {
        return rollingBackTo(fallbackHash, now, "rolling back to " + fallbackHash + ": " + why);
    }

    /** The rollout stops here; the members keep the configs they have. */
    public RolloutState failed(String why) {
        return new RolloutState(RolloutStage.FAILED, targetHash, fallbackHash, startedAt, lastProgressAt, lastStale,
                lastHealthy, HealthThreshold.RESET, selfDrained, why);
    }
}
