package io.infrakit.playbooks;

import io.infrakit.spi.InvalidSpecException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A playbook's own files (its script, README, image specs), read only where they really are: inside its tree once
 * every symbolic link on the way is followed. A link out of the tree is refused, not followed.
 */
public final class PlaybookFiles {

    private PlaybookFiles() {
    }

    /**
     * {@code relative} resolved in the tree {@code root}, unchanged; an {@link InvalidSpecException} (exit 3) when it
     * leads outside the tree. A file that does not exist is returned as it is, for the caller to report.
     */
    public static Path inside(Path root, String relative) {
        Path tree = root.toAbsolutePath().normalize();
        Path file = tree.resolve(relative).normalize();
        if (!file.startsWith(tree)) {
            throw outside(relative, file);
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(tree.toRealPath())) {
                throw outside(relative, real);
            }
        } catch (NoSuchFileException e) {
            return file;
        } catch (IOException e) {
            throw new InvalidSpecException(Printable.text(relative) + ": cannot read: " + e.getMessage(), e);
        }
        return file;
    }

    /** The UTF-8 text of a file of the tree, checked as {@link #inside} does. */
    public static String read(Path root, String relative) {
        Path file = inside(root, relative);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSpecException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static InvalidSpecException outside(String relative, Path target) {
        return new InvalidSpecException(Printable.text(relative) + ": leads to " + Printable.text(target.toString())
                + ", outside the playbook tree; a playbook's files are read only inside it");
    }
}
