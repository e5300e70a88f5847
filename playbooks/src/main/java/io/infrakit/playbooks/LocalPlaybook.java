package io.infrakit.playbooks;

import io.infrakit.dsl.Playbook;
import io.infrakit.dsl.PlaybookDsl;
import io.infrakit.spi.InvalidSpecException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A playbook on disk: its tree (the directory holding {@code playbook.groovy}), the declarations its script makes,
 * and its README, which is the playbook's help.
 */
public record LocalPlaybook(Path root, Playbook playbook, Optional<String> readme) {

    public static final String SCRIPT = "playbook.groovy";

    /** Loads the playbook in a directory, or the one a {@code .groovy} file names (its directory is the tree). */
    public static LocalPlaybook open(Path location, PlaybookDsl dsl) {
        Path script = Files.isDirectory(location) ? location.resolve(SCRIPT) : location;
        if (!Files.isRegularFile(script)) {
            throw new InvalidSpecException(location + ": no " + SCRIPT + " here");
        }
        Path root = script.toAbsolutePath().normalize().getParent();
        Playbook playbook = dsl.load(script.getFileName().toString(), read(script));
        Path readme = root.resolve("README.md");
        return new LocalPlaybook(root, playbook,
                Files.isRegularFile(readme) ? Optional.of(read(readme)) : Optional.empty());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidSpecException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
