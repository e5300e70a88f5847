package io.infrakit.engine.manager;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.infrakit.common.AtomicFiles;
import io.infrakit.common.KnownFields;
import io.infrakit.common.SpecText;
import io.infrakit.common.TextPositions;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The manager's config, {@code $INFRAKIT_HOME/manager.yml}: which plugins it serves under which names
 * ({@code plugins: [manager:mystack, group, file:instance-file]}). {@code plugin start} writes it; every start of the
 * manager reads it. Without it the manager serves every plugin under its default name.
 */
public record ManagerConfig(@JsonProperty("plugins") List<PluginSelection> plugins) {

    public static final String FILE = "manager.yml";
    private static final KnownFields FIELDS = KnownFields.of("plugins", KnownFields.ANY);

    public ManagerConfig {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }

    public static Path file(InfrakitHome home) {
        return home.root().resolve(FILE);
    }

    /**
     * What the manager of this home serves: the config's plugins, checked against {@code registry}, or the defaults
     * without a config. A config that cannot be read, or names a plugin there is not, is an
     * {@link InvalidSpecException} naming the file (and line:column for its syntax and unknown fields).
     */
    public static List<PluginSelection> selection(InfrakitHome home, PluginRegistry registry) {
        Path file = file(home);
        if (!Files.exists(file)) {
            return PluginSelection.defaults(registry);
        }
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidSpecException("cannot read " + name + ": " + e.getMessage());
        }
        String text = SpecText.decode(name, bytes);
        checkFields(name, text);
        ManagerConfig config = SpecText.read(name, text, ManagerConfig.class);
        try {
            return PluginSelection.check(config.plugins(), registry);
        } catch (InvalidSpecException e) {
            throw e;
        } catch (InfrakitException e) {
            throw new InvalidSpecException(name + ": plugins: " + e.getMessage());
        }
    }

    /** Keeps this selection as the home's config, for this and every later start of its manager. */
    public static void write(InfrakitHome home, List<PluginSelection> selection) {
        String text = "# The plugins the manager serves, as KIND:NAME (written by 'infrakit plugin start').\n"
                + "plugins: [" + selection.stream().map(PluginSelection::toString).collect(Collectors.joining(", "))
                + "]\n";
        AtomicFiles.write(file(home), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The config's bytes as they are, to put back if what replaced them does not start. */
    public static Optional<byte[]> current(InfrakitHome home) {
        try {
            return Files.exists(file(home)) ? Optional.of(Files.readAllBytes(file(home))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void restore(InfrakitHome home, Optional<byte[]> before) {
        try {
            if (before.isPresent()) {
                AtomicFiles.write(file(home), before.get());
            } else {
                Files.deleteIfExists(file(home));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A misspelt field is refused at its line and column; a syntax error is left for SpecText to report. */
    private static void checkFields(String name, String text) {
        try {
            FIELDS.check(name, TextPositions.of(name), new YAMLFactory().createParser(text));
        } catch (JsonProcessingException e) {
            // reported by SpecText.read, with its position
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
