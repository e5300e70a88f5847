package io.infrakit.spi.group;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrakit.spi.Identifiers;

/**
 * The ID of a group, such as {@code workers}: letters, digits, '.', '_' and '-', starting with a letter or digit,
 * at most {@value io.infrakit.spi.Identifiers#MAX_GROUP_ID} characters ({@link Identifiers#checkGroupId}).
 */
public record GroupId(String value) implements Comparable<GroupId> {

    public GroupId {
        Identifiers.checkGroupId(value);
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
