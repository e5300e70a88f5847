package io.infrakit.spi.instance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrakit.spi.Identifiers;

/** A stable name for a "pet" instance, often its IP address: printable text ({@link Identifiers#checkPrintable}). */
public record LogicalId(String value) implements Comparable<LogicalId> {

    public LogicalId {
        Identifiers.checkPrintable("a logical ID", value);
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
