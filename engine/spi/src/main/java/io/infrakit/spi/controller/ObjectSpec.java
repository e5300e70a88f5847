package io.infrakit.spi.controller;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.Any;

import java.util.List;

/**
 * The desired state of an object a controller manages, InfraKit's {@code types.Spec} with its lower-case keys:
 * {@code kind} (such as {@code group}), {@code version} (an interface such as {@code Group/0.1.1}), the
 * {@code metadata} that names it, and the {@code properties} only the controller decodes.
 */
public record ObjectSpec(@JsonProperty("kind") String kind,
                         @JsonProperty("version") String version,
                         @JsonProperty("metadata") Metadata metadata,
                         @JsonProperty("template") @JsonInclude(JsonInclude.Include.NON_EMPTY) String template,
                         @JsonProperty("properties") Any properties,
                         @JsonProperty("options") @JsonInclude(JsonInclude.Include.NON_EMPTY) Any options,
                         @JsonProperty("depends") @JsonInclude(JsonInclude.Include.NON_EMPTY)
                         List<Dependency> depends) {

    public ObjectSpec {
        kind = kind == null ? "" : kind;
        version = version == null ? "" : version;
        metadata = metadata == null ? Metadata.ANY : metadata;
        template = template == null ? "" : template;
        properties = properties == null ? Any.empty() : properties;
        options = options == null ? Any.empty() : options;
        depends = depends == null ? List.of() : List.copyOf(depends);
    }

    public static ObjectSpec of(String kind, String version, Metadata metadata, Any properties) {
        return new ObjectSpec(kind, version, metadata, "", properties, Any.empty(), List.of());
    }
}
