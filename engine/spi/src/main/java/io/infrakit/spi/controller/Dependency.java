package io.infrakit.spi.controller;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** Another object a spec depends on, and where its values go: {@code bind} maps a path here to a pointer there. */
public record Dependency(@JsonProperty("kind") String kind,
                         @JsonProperty("name") String name,
                         @JsonProperty("bind") Map<String, String> bind) {

    public Dependency {
        kind = kind == null ? "" : kind;
        name = name == null ? "" : name;
        bind = bind == null ? Map.of() : Map.copyOf(bind);
    }
}
