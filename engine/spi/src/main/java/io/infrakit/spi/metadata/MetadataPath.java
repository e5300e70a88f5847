package io.infrakit.spi.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in a metadata tree, as InfraKit's {@code types.Path}: segments joined by {@code /}, written
 * {@code .} for the root. Parsing cleans it as Go does: empty segments and {@code .} are dropped, {@code ..} goes up
 * one level. A segment {@code [n]} is the n-th element of a list.
 */
public record MetadataPath(List<String> segments) {

    public static final MetadataPath ROOT = new MetadataPath(List.of());

    public MetadataPath {
        segments = List.copyOf(segments);
    }

    @JsonCreator
    public static MetadataPath parse(String text) {
        if (text == null) {
            return ROOT;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : text.strip().split("/")) {
            switch (segment) {
                case "", "." -> {
                }
                case ".." -> {
                    if (segments.isEmpty()) {
                        segments.add(segment);
                    } else {
                        segments.remove(segments.size() - 1);
                    }
                }
                default -> segments.add(segment);
            }
        }
        return new MetadataPath(segments);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    @JsonValue
    @Override
    public String toString() {
        return segments.isEmpty() ? "." : String.join("/", segments);
    }
}
