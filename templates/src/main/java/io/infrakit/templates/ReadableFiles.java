package io.infrakit.templates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files templates may read: regular files inside the readable roots, also after symbolic links are followed.
 */
final class ReadableFiles {

    /** A file that passed the checks, as it was when checked. */
    record ReadableFile(Path realPath, long size, long lastModifiedMillis) {
    }

    private final List<Path> roots;

    ReadableFiles(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * Whether {@code path} lies inside a root as written, and where it exists, once its symbolic links are followed:
     * both as the file system resolves it (a {@code ..} after a link leaves the link's target) and once normalized
     * first, as some readers do.
     */
    boolean contains(Path path) {
        Path absolute = path.toAbsolutePath();
        Path normal = absolute.normalize();
        return insideARoot(normal) && Stream.of(absolute, normal).allMatch(this::resolvesInsideARoot);
    }

    private boolean resolvesInsideARoot(Path path) {
        try {
            return realPathInsideARoot(path.toRealPath());
        } catch (IOException e) {
            return true; // nothing there to read
        }
    }

    /** Checks that {@code path} may be read and returns it resolved; a {@link RenderProblem} says why not. */
    ReadableFile check(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        // Checked before the file system is asked, so a path outside is reported as such even when it is missing.
        if (!insideARoot(normal)) {
            throw outside(normal);
        }
        Path real;
        BasicFileAttributes attributes;
        try {
            real = normal.toRealPath();
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new RenderProblem("'" + normal + "' does not exist");
        }
        if (!realPathInsideARoot(real)) {
            throw outside(normal);
        }
        if (!attributes.isRegularFile()) {
            throw new RenderProblem("'" + normal + "' is not a file");
        }
        return new ReadableFile(real, attributes.size(), attributes.lastModifiedTime().toMillis());
    }

    /** The UTF-8 text of a checked file, refused when longer than {@code maxBytes}. */
    String read(ReadableFile file, int maxBytes) {
        try (InputStream in = Files.newInputStream(file.realPath())) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new RenderProblem("'" + file.realPath() + "' is larger than " + Limits.describe(maxBytes));
            }
            return Limits.decodeUtf8(bytes, file.realPath().toString());
        } catch (IOException e) {
            throw new RenderProblem("cannot read '" + file.realPath() + "': " + e.getMessage(), e);
        }
    }

    private boolean insideARoot(Path path) {
        return roots.stream().anyMatch(root -> path.startsWith(root) || path.startsWith(realPath(root)));
    }

    private boolean realPathInsideARoot(Path real) {
        return roots.stream().anyMatch(root -> real.startsWith(realPath(root)));
    }

    private static RenderProblem outside(Path path) {
        return new RenderProblem("'" + path + "' is outside the playbook tree");
    }

    private static Path realPath(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root;
        }
    }
}
