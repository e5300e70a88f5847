package io.infrakit.spi.group;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an instance being prepared sits: its group and a sequence number within the group. */
public record Index(@JsonProperty("Group") String group, @JsonProperty("Sequence") long sequence) {

    public Index {
        group = group == null ? "" : group;
    }
}
