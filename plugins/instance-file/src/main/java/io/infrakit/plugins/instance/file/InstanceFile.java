package io.infrakit.plugins.instance.file;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The content of one instance's file, with InfraKit's keys: the spec as provisioned, and the tags as labelled. */
@JsonPropertyOrder({"ID", "LogicalID", "Tags", "Spec"})
record InstanceFile(@JsonProperty("ID") InstanceId id,
                    @JsonProperty("LogicalID") LogicalId logicalId,
                    @JsonProperty("Tags") Map<String, String> tags,
                    @JsonProperty("Spec") InstanceSpec spec) {

    InstanceFile {
        Objects.requireNonNull(id, "ID");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        spec = spec == null ? InstanceSpec.of(null, null) : spec;
    }

    static InstanceFile provisioned(InstanceId id, InstanceSpec spec) {
        return new InstanceFile(id, spec.logicalId(), spec.tags(), spec);
    }

    InstanceFile withMergedTags(Map<String, String> labels) {
        Map<String, String> merged = new HashMap<>(tags);
        merged.putAll(labels);
        return new InstanceFile(id, logicalId, merged, spec);
    }

    /** With properties, the whole spec as provisioned ({@code Properties}, {@code Tags}, {@code Init}, ...), as InfraKit's. */
    InstanceDescription describe(boolean withProperties) {
        return new InstanceDescription(id, logicalId, tags, withProperties ? Any.of(spec) : null);
    }
}
