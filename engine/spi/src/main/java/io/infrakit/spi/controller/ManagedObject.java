package io.infrakit.spi.controller;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;

import java.util.Objects;

/**
 * An object under a controller's management, InfraKit's {@code types.Object}: its spec, and its {@code state} as
 * the controller last saw it. On the wire the spec's keys and {@code state} sit side by side in one object.
 */
public record ManagedObject(ObjectSpec spec, Any state) {

    private static final String STATE = "state";

    public ManagedObject {
        Objects.requireNonNull(spec, "spec");
        state = state == null ? Any.empty() : state;
    }

    @JsonValue
    JsonNode wire() {
        ObjectNode node = Json.mapper().valueToTree(spec);
        if (!state.isEmpty()) {
            node.set(STATE, state.node());
        }
        return node;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ManagedObject fromWire(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an object must be a JSON object, got " + node);
        }
        ObjectNode fields = node.deepCopy();
        Any state = Any.of(fields.remove(STATE));
        try {
            return new ManagedObject(Json.mapper().treeToValue(fields, ObjectSpec.class), state);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
