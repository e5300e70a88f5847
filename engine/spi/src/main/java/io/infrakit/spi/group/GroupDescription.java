package io.infrakit.spi.group;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.instance.InstanceDescription;

import java.util.List;

/** The members of a group and whether it has reached its spec. */
public record GroupDescription(@JsonProperty("Instances") List<InstanceDescription> instances,
                               @JsonProperty("Converged") boolean converged) {

    public GroupDescription {
        instances = instances == null ? List.of() : List.copyOf(instances);
    }
}
