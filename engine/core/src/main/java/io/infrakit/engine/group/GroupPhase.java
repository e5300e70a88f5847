package io.infrakit.engine.group;

/** Where a group stands, in one word. */
public enum GroupPhase {
    CONVERGED("Converged"),
    SCALING("Scaling"),
    ROLLING_OUT("RollingOut"),
    PAUSED("Paused"),
    ROLLING_BACK("RollingBack"),
    BLOCKED("Blocked"),
    FAILED("Failed");

    private final String text;

    GroupPhase(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
