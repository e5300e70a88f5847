package io.infrakit.spi.flavor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An instance's health as a flavor judges it; an int on the wire (0 unknown, 1 healthy, 2 unhealthy). */
public enum Health {
    UNKNOWN,
    HEALTHY,
    UNHEALTHY;

    @JsonValue
    public int wire() {
        return ordinal();
    }

    @JsonCreator
    public static Health fromWire(int wire) {
        return wire >= 0 && wire < values().length ? values()[wire] : UNKNOWN;
    }
}
