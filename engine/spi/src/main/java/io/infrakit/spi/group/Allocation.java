package io.infrakit.spi.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.instance.LogicalId;

import java.util.List;

/** How a group allocates instances: a size for cattle, or a list of logical IDs for pets. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Allocation(@JsonProperty("Size") int size,
                         @JsonProperty("LogicalIDs") List<LogicalId> logicalIds) {

    public Allocation {
        if (size < 0) {
            throw new IllegalArgumentException("Size must not be negative");
        }
        logicalIds = logicalIds == null ? List.of() : List.copyOf(logicalIds);
    }

    public static Allocation ofSize(int size) {
        return new Allocation(size, List.of());
    }

    public static Allocation ofLogicalIds(List<LogicalId> logicalIds) {
        return new Allocation(0, logicalIds);
    }
}
