package io.infrakit.plugins.instance.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Instance files as last parsed, kept while a file stays the same file (inode, modification time, size). Every
 * write replaces the file by a rename, so a changed instance is a new inode; a group controller that describes
 * every poll then parses only what changed, not every file every time.
 */
final class ParsedFileCache {

    private record Entry(Object fileKey, FileTime modified, long size, Optional<InstanceFile> content) {

        boolean isStill(BasicFileAttributes attributes) {
            return Objects.equals(fileKey, attributes.fileKey()) && modified.equals(attributes.lastModifiedTime())
                    && size == attributes.size();
        }
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

    /** The file's instance, parsed again only if the file changed; empty if it is gone or not a regular file. */
    Optional<InstanceFile> read(Path file, Function<Path, Optional<InstanceFile>> parse) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            entries.remove(file);
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        Entry cached = entries.get(file);
        if (cached != null && cached.isStill(attributes)) {
            return cached.content();
        }
        Optional<InstanceFile> content = parse.apply(file);
        entries.put(file, new Entry(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), content));
        return content;
    }

    /**
     * What this plugin just wrote, as written: the next describe finds the file unchanged and need not read it back.
     * The attributes are the written file's own, so a file replaced by anyone else since is read as usual.
     */
    void remember(Path file, BasicFileAttributes written, InstanceFile content) {
        entries.put(file, new Entry(written.fileKey(), written.lastModifiedTime(), written.size(), Optional.of(content)));
    }

    /** Forgets files that are no longer there; a Set, since this runs over every file on every poll. */
    void retainOnly(Set<Path> present) {
        entries.keySet().retainAll(present);
    }
}
