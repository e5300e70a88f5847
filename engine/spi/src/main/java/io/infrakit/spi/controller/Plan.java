package io.infrakit.spi.controller;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** What committing a spec would do, in human-friendly lines. */
public record Plan(@JsonProperty("Message") List<String> messages) {

    public Plan {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public static Plan of(String... messages) {
        return new Plan(List.of(messages));
    }
}
