package io.infrakit.spi.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A stable name for a "pet" instance, often its IP address. */
public record LogicalId(String value) implements Comparable<LogicalId> {

    public LogicalId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a logical ID must not be blank");
        }
    }

    @JsonCreator
    public static LogicalId of(String value) {
        return new LogicalId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(LogicalId other) {
        return value.compareTo(other.value);
    }
}
