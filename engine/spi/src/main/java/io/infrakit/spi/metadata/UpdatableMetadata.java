package io.infrakit.spi.metadata;

import io.infrakit.spi.Any;
import io.infrakit.spi.InterfaceSpec;

import java.util.List;

/**
 * A metadata tree that can be changed, as InfraKit's {@code Updatable/0.1.1}: changes are first proposed, then the
 * proposal is committed as one whole.
 */
public interface UpdatableMetadata extends ReadableMetadata {

    InterfaceSpec INTERFACE = InterfaceSpec.of("Updatable", "0.1.1");

    /** The tree with these changes laid over it, in order; nothing is changed yet. */
    MetadataProposal changes(List<MetadataChange> changes);

    /**
     * Makes {@code proposed} the tree, if the tree is still the one {@code cas} was computed from.
     *
     * @throws io.infrakit.spi.InfrakitException when the tree changed since ({@code cas mismatch})
     */
    void commit(Any proposed, String cas);
}
