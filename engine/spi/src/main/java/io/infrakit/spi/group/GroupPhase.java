package io.infrakit.spi.group;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

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

    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    @JsonCreator
    public static GroupPhase of(String text) {
        for (GroupPhase phase : values()) {
            if (phase.text.equals(text)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("unknown group phase '" + text + "'");
    }
}
