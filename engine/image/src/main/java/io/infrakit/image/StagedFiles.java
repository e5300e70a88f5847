package io.infrakit.image;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files and directories that appear whole or not at all: they are written under a temporary dot name beside their
 * place and renamed into it, so a reader (or a crash) never sees half of one.
 */
final class StagedFiles {

    private StagedFiles() {
    }

    /**
     * Renames a fully written staging directory to {@code target}. If another build of the same content got there
     * first, its directory stays and this one is dropped: both hold the same files.
     */
    static void moveDirectoryIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Lost the race; the winner's directory is equivalent.
        } catch (IOException e) {
            // rename(2) onto a non-empty directory fails with ENOTEMPTY, which Java reports under several types.
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    /** Renames a fully written file to {@code target}, replacing whatever is there (the same content, rebuilt). */
    static void moveFileIntoPlace(Path staged, Path target) throws IOException {
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A fresh, unused dot name in {@code directory} for staging {@code name}; nothing exists under it yet. */
    static Path stagingName(Path directory, String name) throws IOException {
        Path placeholder = Files.createTempFile(directory, "." + name + "-", ".tmp");
        Files.delete(placeholder);
        return placeholder;
    }

    /**
     * Makes {@code target} (which must not exist) the same file as {@code source} by a hard link, so that many
     * images of one kernel hold it once; a copy where the file system cannot link (another device, no links).
     */
    static void linkOrCopy(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(source, target);
        }
    }

    /** Writes a file through {@code writer} under a staging name beside {@code target}, then renames it into place. */
    static void writeIntoPlace(Path target, FileWriter writer) throws IOException {
        Path staged = stagingName(target.getParent(), target.getFileName().toString());
        try {
            writer.writeTo(staged);
            moveFileIntoPlace(staged, target);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Writes a file that does not exist yet at the path it is given. */
    @FunctionalInterface
    interface FileWriter {
        void writeTo(Path file) throws IOException;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        }
    }
}
