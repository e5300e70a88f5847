package io.infrakit.manager;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.concurrent.TimeUnit;

/**
 * Which build of the CLI runs here, as the launcher names it: the jar's modification time in seconds and its size
 * ({@code 1764547200:33471287}). Code not run from a jar has no such name, so no launcher ever matches it.
 */
public final class BuildIdentity {

    static final String UNPACKAGED = "unpackaged";

    private BuildIdentity() {
    }

    public static String ofRunningCode() {
        CodeSource source = BuildIdentity.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return UNPACKAGED;
        }
        try {
            Path code = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(code)) {
                return UNPACKAGED;
            }
            return Files.getLastModifiedTime(code).to(TimeUnit.SECONDS) + ":" + Files.size(code);
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return UNPACKAGED;
        }
    }
}
