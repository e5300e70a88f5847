package io.infrakit.spi.instance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.Any;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One instance as its provider sees it: its ID, logical ID, tags, and with properties, the provider's state. */
public record InstanceDescription(@JsonProperty("ID") InstanceId id,
                                  @JsonProperty("LogicalID") LogicalId logicalId,
                                  @JsonProperty("Tags") Map<String, String> tags,
                                  @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                  @JsonProperty("Properties") Any properties) {

    public InstanceDescription {
        Objects.requireNonNull(id, "ID");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        properties = properties == null ? Any.empty() : properties;
    }

    public Optional<LogicalId> logicalIdIfAny() {
        return Optional.ofNullable(logicalId);
    }

    /** True when this instance carries every one of the given tags (InfraKit's AND match). */
    public boolean matches(Map<String, String> wanted) {
        return tags.entrySet().containsAll(wanted.entrySet());
    }

    public InstanceDescription withoutProperties() {
        return new InstanceDescription(id, logicalId, tags, Any.empty());
    }
}
