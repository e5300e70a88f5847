package io.infrakit.spi.metadata;

import io.infrakit.spi.Any;

import java.util.Objects;

/**
 * What a batch of changes would make of a metadata tree: the tree now, the tree after, and the check value
 * ({@code cas}) that {@link UpdatableMetadata#commit} requires, so a commit applies only over the tree it was
 * proposed from.
 */
public record MetadataProposal(Any original, Any proposed, String cas) {

    public MetadataProposal {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(proposed, "proposed");
        Objects.requireNonNull(cas, "cas");
    }
}
