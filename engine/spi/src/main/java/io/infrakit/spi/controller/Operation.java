package io.infrakit.spi.controller;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a commit asks of a controller; an int on the wire, as in InfraKit. */
public enum Operation {
    /** Create, update or reconcile the object to its spec. */
    ENFORCE(0),
    /** Destroy the object; implies free. */
    DESTROY(1);

    private final int wire;

    Operation(int wire) {
        this.wire = wire;
    }

    @JsonValue
    public int wire() {
        return wire;
    }

    @JsonCreator
    public static Operation fromWire(int wire) {
        for (Operation operation : values()) {
            if (operation.wire == wire) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation " + wire + ": expected 0 (Enforce) or 1 (Destroy)");
    }
}
