package io.infrakit.engine.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.Any;

import java.util.Map;
import java.util.stream.Collectors;

/** Who handles a stored spec (a plugin name) and the spec itself, in InfraKit's lower-case {@code types.Spec}. */
public record SpecRecord(@JsonProperty("Handler") String handler, @JsonProperty("Spec") Spec spec) {

    /** InfraKit's generic spec: {@code kind}, {@code version}, {@code metadata.name}, {@code properties}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Spec(@JsonProperty("kind") String kind,
                       @JsonProperty("version") String version,
                       @JsonProperty("metadata") Map<String, Object> metadata,
                       @JsonProperty("properties") Any properties) {

        public Spec {
            // InfraKit (Go) writes "tags": null in the metadata of every spec it stores.
            metadata = metadata == null ? Map.of() : metadata.entrySet().stream()
                    .filter(entry -> entry.getValue() != null)
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
            properties = properties == null ? Any.empty() : properties;
        }
    }
}
