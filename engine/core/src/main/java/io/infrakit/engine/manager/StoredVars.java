package io.infrakit.engine.manager;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.infrakit.common.AtomicFiles;
import io.infrakit.spi.Any;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;
import io.infrakit.spi.metadata.MetadataChange;
import io.infrakit.spi.metadata.MetadataPath;
import io.infrakit.spi.metadata.MetadataProposal;
import io.infrakit.spi.metadata.MetadataTree;
import io.infrakit.spi.metadata.UpdatableMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The manager's {@code vars}: the user's metadata tree, kept in one file ({@code configs/vars.json}, the owner's
 * alone) that each commit replaces atomically and on disk before it answers. A commit applies only over the tree
 * its proposal was made from. Values may be secrets: no message and no log line quotes one.
 */
final class StoredVars implements UpdatableMetadata {

    static final String FILE_NAME = "vars.json";

    private final Path file;
    private MetadataTree tree;

    private StoredVars(Path file, MetadataTree tree) {
        this.file = file;
        this.tree = tree;
    }

    /**
     * The vars stored in {@code configsDir}; none yet when the file is missing.
     *
     * @throws InvalidSpecException when the file is not a JSON object (its line and column are named)
     */
    static StoredVars load(Path configsDir) {
        Path file = configsDir.resolve(FILE_NAME);
        return new StoredVars(file, read(file));
    }

    @Override
    public synchronized Optional<List<String>> keys(MetadataPath path) {
        return tree.keys(path);
    }

    @Override
    public synchronized Any get(MetadataPath path) {
        return tree.get(path);
    }

    @Override
    public synchronized MetadataProposal changes(List<MetadataChange> changes) {
        Any original = tree.toAny();
        Any proposed = tree.withChanges(changes).toAny();
        return new MetadataProposal(original, proposed, MetadataTree.fingerprint(original, proposed));
    }

    @Override
    public synchronized void commit(Any proposed, String cas) {
        if (!MetadataTree.fingerprint(tree.toAny(), proposed).equals(cas)) {
            throw new InfrakitException("cas mismatch: vars changed since the proposal, or the proposal was altered;"
                    + " ask for Changes again");
        }
        MetadataTree next = MetadataTree.of(proposed);
        AtomicFiles.write(file, Json.write(next.toAny()).getBytes(StandardCharsets.UTF_8));
        tree = next;
    }

    private static MetadataTree read(Path file) {
        Any stored;
        try {
            stored = Any.of(Json.mapper().readTree(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return MetadataTree.empty();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new InvalidSpecException(file + where + ": not JSON; fix or remove the file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return MetadataTree.of(stored);
        } catch (InvalidSpecException e) {
            throw new InvalidSpecException(file + ": " + e.getMessage());
        }
    }
}
