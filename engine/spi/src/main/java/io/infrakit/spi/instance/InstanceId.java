package io.infrakit.spi.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrakit.spi.Identifiers;

/** The provider's ID of an instance: printable text ({@link Identifiers#checkPrintable}). */
public record InstanceId(String value) implements Comparable<InstanceId> {

    public InstanceId {
        Identifiers.checkPrintable("an instance ID", value);
    }

    @JsonCreator
    public static InstanceId of(String value) {
        return new InstanceId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(InstanceId other) {
        return value.compareTo(other.value);
    }
}
