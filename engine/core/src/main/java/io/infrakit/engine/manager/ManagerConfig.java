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
 * ({@code plugins: [manager:mystack, group, file:instance-file]}), which plugin processes of the plugins config it
 * runs ({@code processes: [instance-file, py]}, see docs/plugins-processes.md) and whether they outlive it
 * ({@code leaveProcessesRunning}). {@code plugin start} and {@code plugin stop} write it; every start of the manager
 * reads it, and the running manager follows its {@code processes}. Without it the manager serves every plugin under
 * its default name and runs no process.
 */
public record ManagerConfig(@JsonProperty("plugins") List<PluginSelection> plugins,
                            @JsonProperty("processes") List<String> processes,
                            @JsonProperty("leaveProcessesRunning") boolean leaveProcessesRunning) {

    public static final String FILE = "manager.yml";
    private static final KnownFields FIELDS = KnownFields.of("plugins", KnownFields.ANY,
            "processes", KnownFields.ANY, "leaveProcessesRunning", KnownFields.ANY);

    public ManagerConfig {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        processes = processes == null ? List.of() : List.copyOf(processes);
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
        if (!Files.exists(file(home))) {
            return PluginSelection.defaults(registry);
        }
        String name = file(home).toString();
        ManagerConfig config = read(home);
        if (config.plugins().isEmpty()) {
            return PluginSelection.defaults(registry);
        }
        try {
            return PluginSelection.check(config.plugins(), registry);
        } catch (InvalidSpecException e) {
            throw e;
        } catch (InfrakitException e) {
            throw new InvalidSpecException(name + ": plugins: " + e.getMessage());
        }
    }

    /**
     * The config as written, unchecked against the registry: empty fields without a file. A file that cannot be
     * read is an {@link InvalidSpecException} naming it (and line:column for its syntax and unknown fields).
     */
    public static ManagerConfig read(InfrakitHome home) {
        Path file = file(home);
        String name = file.toString();
        if (!Files.exists(file)) {
            return new ManagerConfig(List.of(), List.of(), false);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidSpecException("cannot read " + name + ": " + e.getMessage());
        }
        String text = SpecText.decode(name, bytes);
        if (text.isBlank()) {
            return new ManagerConfig(List.of(), List.of(), false);
        }
        checkFields(name, text);
        return SpecText.read(name, text, ManagerConfig.class);
    }

    /** Keeps this selection as the home's config, for this and every later start of its manager. */
    public static void write(InfrakitHome home, List<PluginSelection> selection) {
        ManagerConfig current = Files.exists(file(home)) ? read(home) : new ManagerConfig(List.of(), List.of(), false);
        write(home, new ManagerConfig(selection, current.processes(), current.leaveProcessesRunning()));
    }

    /** Keeps these plugin processes as the ones the manager runs, now and at every later start. */
    public static void writeProcesses(InfrakitHome home, List<String> processes) {
        ManagerConfig current = read(home);
        write(home, new ManagerConfig(current.plugins(), processes, current.leaveProcessesRunning()));
    }

    private static void write(InfrakitHome home, ManagerConfig config) {
        StringBuilder text = new StringBuilder();
        if (!config.plugins().isEmpty()) {
            text.append("# The plugins the manager serves, as KIND:NAME (written by 'infrakit plugin start').\n")
                    .append("plugins: [").append(config.plugins().stream().map(PluginSelection::toString)
                            .collect(Collectors.joining(", "))).append("]\n");
        }
        if (!config.processes().isEmpty()) {
            text.append("# The plugin processes it runs, named in plugins.yml ('infrakit plugin start NAME').\n")
                    .append("processes: [").append(String.join(", ", config.processes())).append("]\n");
        }
        if (config.leaveProcessesRunning()) {
            text.append("leaveProcessesRunning: true\n");
        }
        AtomicFiles.write(file(home), text.toString().getBytes(StandardCharsets.UTF_8));
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
