package io.infrakit.bench;

import io.infrakit.spi.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file plugin's instances as a user sees them: the {@code instance-*} files of its directory. Each file's
 * config hash is read once (an instance never changes its config; a new config is a new file).
 */
final class InstanceFiles {

    private final Path directory;
    private final Map<String, String> hashes = new HashMap<>();

    InstanceFiles(Path directory) {
        this.directory = directory;
    }

    List<Path> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "instance-*")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    int count() {
        return list().size();
    }

    /** Exactly this many files, every one with this config hash. */
    boolean allOn(String hash, int size) {
        List<Path> files = list();
        if (files.size() != size) {
            return false;
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String fileHash = hashes.get(name);
            if (fileHash == null) {
                fileHash = hashOf(file);
                if (fileHash == null) {
                    return false;
                }
                hashes.put(name, fileHash);
            }
            if (!fileHash.equals(hash)) {
                return false;
            }
        }
        return true;
    }

    /** Deletes this many instance files, as instances dying. */
    void delete(int count) {
        List<Path> files = list();
        for (int i = 0; i < count && i < files.size(); i++) {
            try {
                Files.deleteIfExists(files.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String hashOf(Path file) {
        try {
            return Json.mapper().readTree(file.toFile()).path("Tags").path("infrakit.config.hash").asText(null);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            // a file being replaced or removed right now; it will be read again at the next check
            return null;
        }
    }
}
