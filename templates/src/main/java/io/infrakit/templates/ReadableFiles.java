package io.infrakit.templates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

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

    /** Checks that {@code path} may be read and returns it resolved; a {@link RenderProblem} says why not. */
    ReadableFile check(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        // Checked before the file system is asked, so a path outside is reported as such even when it is missing.
        if (roots.stream().noneMatch(root -> normal.startsWith(root) || normal.startsWith(realPath(root)))) {
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
        if (roots.stream().noneMatch(root -> real.startsWith(realPath(root)))) {
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
