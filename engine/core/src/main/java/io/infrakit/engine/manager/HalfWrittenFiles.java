package io.infrakit.engine.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.common.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary files of a manager killed in the middle of a write: in the home (its pid and ready files) and
 * anywhere under its configs (stored specs, revisions, rollout journals). Only a manager writes there, so the next
 * one removes them once it holds the home's lock.
 */
final class HalfWrittenFiles {

    private static final Logger LOG = LoggerFactory.getLogger(HalfWrittenFiles.class);

    private HalfWrittenFiles() {
    }

    static void remove(InfrakitHome home) {
        int removed = AtomicFiles.removeLeftovers(home.root());
        for (Path dir : directoriesUnder(home.configsDir())) {
            removed += AtomicFiles.removeLeftovers(dir);
        }
        if (removed > 0) {
            LOG.info("removed {} half-written files left by a manager that was killed", removed);
        }
    }

    private static List<Path> directoriesUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }
}
