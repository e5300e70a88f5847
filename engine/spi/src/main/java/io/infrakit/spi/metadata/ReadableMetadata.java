package io.infrakit.spi.metadata;

import io.infrakit.spi.Any;

import java.util.List;
import java.util.Optional;

/** A tree of values read by path, as InfraKit's {@code metadata.Plugin}. */
public interface ReadableMetadata {

    /**
     * The names of the children at {@code path}, sorted ({@code [n]} for a list's elements): empty for a value
     * that has none, and no list at all when nothing is at the path.
     */
    Optional<List<String>> keys(MetadataPath path);

    /** The value at {@code path}, the whole tree at the root; {@link Any#empty()} when nothing is there. */
    Any get(MetadataPath path);
}
