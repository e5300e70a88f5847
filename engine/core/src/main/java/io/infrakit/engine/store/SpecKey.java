package io.infrakit.engine.store;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Comparator;

/** What a stored spec is: its kind ({@code group}, ...) and name (the group ID). */
public record SpecKey(@JsonProperty("Kind") String kind, @JsonProperty("Name") String name) {

    public static final String GROUP_KIND = "group";

    /** InfraKit's visit order: kinds it does not rank first, then group, ingress, enrollment; by name within. */
    public static final Comparator<SpecKey> VISIT_ORDER =
            Comparator.comparingInt(SpecKey::rank).thenComparing(SpecKey::name);

    public static SpecKey group(String id) {
        return new SpecKey(GROUP_KIND, id);
    }

    private int rank() {
        return switch (kind) {
            case GROUP_KIND -> 100;
            case "ingress" -> 200;
            case "enrollment" -> 300;
            default -> 0;
        };
    }
}
