package io.infrakit.spi.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why an instance is destroyed, as InfraKit sends it in {@code Context.Reason}. */
public enum DestroyReason {
    ROLLING_UPDATE("rolling_update"),
    TERMINATE("terminate");

    private final String wire;

    DestroyReason(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DestroyReason fromWire(String wire) {
        for (DestroyReason reason : values()) {
            if (reason.wire.equals(wire)) {
                return reason;
            }
        }
        // InfraKit's docs say "termination" where its code says "terminate"; accept both, and unknown as terminate.
        return TERMINATE;
    }
}
