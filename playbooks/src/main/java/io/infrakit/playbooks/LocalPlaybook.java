package io.infrakit.playbooks;

import io.infrakit.dsl.Playbook;
import io.infrakit.dsl.PlaybookDsl;
import io.infrakit.spi.InvalidSpecException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A playbook on disk: its tree (the directory holding {@code playbook.groovy}), the declarations its script makes,
 * and its README, which is the playbook's help. Both are read only inside the tree ({@link PlaybookFiles}).
 */
public record LocalPlaybook(Path root, Playbook playbook, Optional<String> readme) {

    public static final String SCRIPT = "playbook.groovy";
    private static final String README = "README.md";

    /** Loads the playbook in a directory, or the one a {@code .groovy} file names (its directory is the tree). */
    public static LocalPlaybook open(Path location, PlaybookDsl dsl) {
        Path script = Files.isDirectory(location) ? location.resolve(SCRIPT) : location;
        if (!Files.isRegularFile(script)) {
            throw new InvalidSpecException(location + ": no " + SCRIPT + " here");
        }
        Path root = script.toAbsolutePath().normalize().getParent();
        String scriptName = script.getFileName().toString();
        Playbook playbook = dsl.load(scriptName, PlaybookFiles.read(root, scriptName));
        return new LocalPlaybook(root, playbook, Files.isRegularFile(root.resolve(README))
                ? Optional.of(PlaybookFiles.read(root, README)) : Optional.empty());
    }
}
