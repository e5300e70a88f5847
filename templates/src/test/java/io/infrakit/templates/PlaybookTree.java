package io.infrakit.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A playbook directory for tests: writes files under a root and renders with a policy confined to it. */
final class PlaybookTree {

    private final Path root;

    PlaybookTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Writes {@code text} to {@code relativePath} under the root, creating directories; returns the file. */
    Path write(String relativePath, String text) {
        Path file = root.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    String path(String relativePath) {
        return root.resolve(relativePath).toString();
    }

    /** Templates whose policy confines them to this tree. */
    Templates templates() {
        return new Templates(TemplatePolicy.confinedTo(root));
    }

    TemplateSession session() {
        return templates().session();
    }
}
