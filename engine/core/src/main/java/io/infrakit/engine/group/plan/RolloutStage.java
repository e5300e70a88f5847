package io.infrakit.engine.group.plan;

/** Where a rollout stands. */
public enum RolloutStage {
    /** Nothing to roll (yet): every member runs the target config. */
    IDLE,
    ROLLING_OUT,
    ROLLING_BACK,
    COMPLETED,
    ROLLED_BACK,
    /** Stopped: a deadline passed or a destroy failed, and there was nothing to roll back to. */
    FAILED;

    public boolean isActive() {
        return this == ROLLING_OUT || this == ROLLING_BACK;
    }
}
