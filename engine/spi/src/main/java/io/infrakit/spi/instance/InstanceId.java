package io.infrakit.spi.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The provider's ID of an instance. */
public record InstanceId(String value) implements Comparable<InstanceId> {

    public InstanceId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an instance ID must not be blank");
        }
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
