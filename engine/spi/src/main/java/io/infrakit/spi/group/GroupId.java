package io.infrakit.spi.group;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The ID of a group, such as {@code workers}. */
public record GroupId(String value) implements Comparable<GroupId> {

    public GroupId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Group ID must not be blank");
        }
    }

    @JsonCreator
    public static GroupId of(String value) {
        return new GroupId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(GroupId other) {
        return value.compareTo(other.value);
    }
}
