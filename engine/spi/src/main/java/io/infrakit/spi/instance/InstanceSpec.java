package io.infrakit.spi.instance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.Any;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What to create: the plugin's properties, tags, an init script, an optional logical ID and attachments. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record InstanceSpec(@JsonProperty("Properties") Any properties,
                           @JsonProperty("Tags") Map<String, String> tags,
                           @JsonProperty("Init") String init,
                           @JsonProperty("LogicalID") LogicalId logicalId,
                           @JsonProperty("Attachments") List<Attachment> attachments) {

    public InstanceSpec {
        properties = properties == null ? Any.empty() : properties;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        init = init == null ? "" : init;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static InstanceSpec of(Any properties, Map<String, String> tags) {
        return new InstanceSpec(properties, tags, "", null, List.of());
    }

    public Optional<LogicalId> logicalIdIfAny() {
        return Optional.ofNullable(logicalId);
    }

    public InstanceSpec withTags(Map<String, String> moreTags) {
        Map<String, String> merged = new HashMap<>(tags);
        merged.putAll(moreTags);
        return new InstanceSpec(properties, merged, init, logicalId, attachments);
    }

    public InstanceSpec withInit(String newInit) {
        return new InstanceSpec(properties, tags, newInit, logicalId, attachments);
    }

    public InstanceSpec withAttachments(List<Attachment> newAttachments) {
        return new InstanceSpec(properties, tags, init, logicalId, newAttachments);
    }

    public InstanceSpec withLogicalId(LogicalId newLogicalId) {
        return new InstanceSpec(properties, tags, init, newLogicalId, attachments);
    }
}
