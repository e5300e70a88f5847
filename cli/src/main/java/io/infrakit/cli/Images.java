package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.image.ImageBuilder;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Where images are built and kept: {@code $INFRAKIT_HOME/images}; kernel modules from INFRAKIT_KERNEL_MODULES. */
final class Images {

    static final String MODULES_VARIABLE = "INFRAKIT_KERNEL_MODULES";

    private Images() {
    }

    static Path directory(InfrakitHome home) {
        return home.root().resolve("images");
    }

    static ImageBuilder builder(InfrakitHome home, Map<String, String> environment) {
        Path modules = Path.of(environment.getOrDefault(MODULES_VARIABLE, "/lib/modules"));
        return new ImageBuilder(directory(home), modules, Clock.systemUTC());
    }
}
