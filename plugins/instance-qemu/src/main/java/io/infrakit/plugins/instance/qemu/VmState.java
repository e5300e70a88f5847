package io.infrakit.plugins.instance.qemu;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.LogicalId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** What the plugin remembers of a running VM, in its state file; the QEMU process itself is the rest. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VmState(@JsonProperty("ID") InstanceId id,
               @JsonProperty("LogicalID") LogicalId logicalId,
               @JsonProperty("Tags") Map<String, String> tags,
               @JsonProperty("Properties") Any properties,
               @JsonProperty("Ports") Map<String, String> ports,
               @JsonProperty("Pid") long pid,
               @JsonProperty("Started") Instant started) {

    VmState {
        Objects.requireNonNull(id, "ID");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        properties = properties == null ? Any.empty() : properties;
        ports = ports == null ? Map.of() : Map.copyOf(ports);
    }

    VmState withMergedTags(Map<String, String> labels) {
        Map<String, String> merged = new HashMap<>(tags);
        merged.putAll(labels);
        return new VmState(id, logicalId, merged, properties, ports, pid, started);
    }
}
