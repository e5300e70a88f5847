package io.infrakit.engine.group;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.Any;
import io.infrakit.common.AtomicFiles;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.Json;
import io.infrakit.spi.group.GroupId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The journal on disk: {@code <configs>/revisions/<group>/journal.json}, and one {@code <config hash>.json} per
 * revision with the properties it was first committed with. Every file is written atomically.
 */
public final class FileJournalStore implements JournalStore {

    static final String JOURNAL = "journal.json";
    private static final String SUFFIX = ".json";

    /** A revision's content: the config hash, and the properties of the spec first committed with it. */
    record StoredRevision(@JsonProperty("ID") String id, @JsonProperty("Properties") Any properties) {
    }

    private final Path root;

    public FileJournalStore(Path configsDir) {
        this.root = configsDir.resolve("revisions");
    }

    @Override
    public Optional<RolloutJournal> load(GroupId group) {
        return read(dir(group).resolve(JOURNAL), RolloutJournal.class);
    }

    @Override
    public void save(GroupId group, RolloutJournal journal) {
        write(dir(group).resolve(JOURNAL), journal);
    }

    @Override
    public void saveRevision(GroupId group, String configHash, Any properties) {
        Path file = dir(group).resolve(configHash + SUFFIX);
        if (!Files.exists(file)) {
            write(file, new StoredRevision(configHash, properties));
        }
    }

    @Override
    public Optional<Any> loadRevision(GroupId group, String configHash) {
        return read(dir(group).resolve(configHash + SUFFIX), StoredRevision.class).map(StoredRevision::properties);
    }

    @Override
    public void retainRevisions(GroupId group, Collection<String> configHashes) {
        Path dir = dir(group);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(SUFFIX) && !name.equals(JOURNAL)
                        && !configHashes.contains(name.substring(0, name.length() - SUFFIX.length()))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prune revisions in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(GroupId group) {
        Path dir = dir(group);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }

    Path dir(GroupId group) {
        // Group IDs are the user's: encoded, they cannot name a path outside the revisions directory.
        String name = URLEncoder.encode(group.value(), StandardCharsets.UTF_8);
        return root.resolve(name.startsWith(".") ? "%2E" + name.substring(1) : name);
    }

    private static <T> Optional<T> read(Path file, Class<T> type) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.mapper().readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new InfrakitException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, Object value) {
        try {
            byte[] text = (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new InfrakitException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
