package io.infrakit.engine.group.plan;

/** What the user asks of a group now: keep it at its spec, keep it but hold the rollout, or remove every member. */
public enum Mode {
    RUN,
    PAUSED,
    TEARDOWN
}
