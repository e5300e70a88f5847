package io.infrakit.spi.metadata;

import io.infrakit.spi.Any;

import java.util.Objects;

/** One value to set at a path, as InfraKit's {@code metadata.Change}. */
public record MetadataChange(MetadataPath path, Any value) {

    public MetadataChange {
        path = path == null ? MetadataPath.ROOT : path;
        value = value == null ? Any.empty() : value;
    }

    public static MetadataChange of(String path, Object value) {
        return new MetadataChange(MetadataPath.parse(path), Any.of(Objects.requireNonNull(value, "value")));
    }
}
