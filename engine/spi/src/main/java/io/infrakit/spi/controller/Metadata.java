package io.infrakit.spi.controller;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * Names an object a controller manages: its identity ({@code id}, set once it exists), a user-friendly name such
 * as {@code group/workers}, and tags. As a search, {@link #ANY} (nothing named) matches every managed object.
 */
public record Metadata(@JsonProperty("id") @JsonInclude(JsonInclude.Include.NON_EMPTY) String id,
                       @JsonProperty("name") String name,
                       @JsonProperty("tags") Map<String, String> tags) {

    /** The search for everything under management (InfraKit's nil metadata). */
    public static final Metadata ANY = new Metadata("", "", Map.of());

    public Metadata {
        id = id == null ? "" : id;
        name = name == null ? "" : name;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public static Metadata named(String name) {
        return new Metadata("", name, Map.of());
    }

    public Metadata withId(String newId) {
        return new Metadata(newId, name, tags);
    }

    @JsonIgnore
    public boolean isAny() {
        return id.isEmpty() && name.isEmpty() && tags.isEmpty();
    }
}
