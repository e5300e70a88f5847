package io.infrakit.spi;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.Objects;

/**
 * An opaque JSON value, InfraKit's {@code types.Any}: plugin properties travel through the engine undecoded and
 * are decoded only by the plugin that owns them.
 */
@JsonSerialize(using = Any.Serializer.class)
public final class Any {

    private static final Any NULL = new Any(NullNode.getInstance());

    private final JsonNode node;

    private Any(JsonNode node) {
        this.node = node;
    }

    @JsonCreator
    public static Any of(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? NULL : new Any(node.deepCopy());
    }

    /** Any Java value that Jackson can encode: maps, lists, records, strings, numbers. */
    public static Any of(Object value) {
        if (value instanceof Any any) {
            return any;
        }
        if (value instanceof JsonNode node) {
            return of(node);
        }
        return of(Json.mapper().valueToTree(value));
    }

    public static Any parse(String json) {
        try {
            return of(Json.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Any empty() {
        return NULL;
    }

    public boolean isEmpty() {
        return node.isNull() || (node.isContainerNode() && node.isEmpty());
    }

    /** A copy of the tree, so callers cannot change this value. */
    public JsonNode node() {
        return node.deepCopy();
    }

    public <T> T decode(Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    public String canonicalJson() {
        return Json.canonical(node);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Any any && node.equals(any.node);
    }

    @Override
    public int hashCode() {
        return Objects.hash(node);
    }

    @Override
    public String toString() {
        return node.toString();
    }

    /** Writes the tree as is, and tells Jackson's NON_EMPTY that null and {} are empty. */
    static final class Serializer extends StdSerializer<Any> {

        Serializer() {
            super(Any.class);
        }

        @Override
        public void serialize(Any value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeTree(value.node);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, Any value) {
            return value == null || value.isEmpty();
        }
    }
}
