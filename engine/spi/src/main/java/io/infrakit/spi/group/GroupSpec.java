package io.infrakit.spi.group;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.Any;


/** A group as the user declares it: its ID and the group plugin's properties. */
public record GroupSpec(@JsonProperty("ID") GroupId id, @JsonProperty("Properties") Any properties) {

    public GroupSpec {
        if (id == null) {
            throw new IllegalArgumentException("Group ID must not be blank");
        }
        properties = properties == null ? Any.empty() : properties;
    }
}
