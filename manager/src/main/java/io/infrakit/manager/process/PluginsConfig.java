package io.infrakit.manager.process;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.infrakit.common.KnownFields;
import io.infrakit.common.SpecText;
import io.infrakit.common.TextPositions;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.spi.Identifiers;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plugins config, {@code $INFRAKIT_HOME/plugins.yml} (or {@code plugins.json}): the plugins that can run as
 * processes of their own, by name ({@code plugins: {NAME: {kind | command, args, env, dir}}}); see
 * docs/plugins-processes.md. Its fields are checked: a misspelt one is refused at its file:line:column.
 */
public record PluginsConfig(@JsonProperty("plugins") Map<String, ProcessEntry> plugins) {

    public static final List<String> FILES = List.of("plugins.yml", "plugins.json");
    private static final KnownFields FIELDS = KnownFields.of("plugins", KnownFields.eachValue(KnownFields.of(
            "kind", KnownFields.ANY, "command", KnownFields.ANY, "args", KnownFields.ANY, "env", KnownFields.ANY,
            "dir", KnownFields.ANY)));

    public PluginsConfig {
        plugins = plugins == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(plugins));
    }

    /** The home's plugins config; empty without one. A bad one is an {@link InvalidSpecException} naming it. */
    public static PluginsConfig read(InfrakitHome home) {
        Optional<Path> file = file(home);
        if (file.isEmpty()) {
            return new PluginsConfig(Map.of());
        }
        String name = file.get().toString();
        String text;
        try {
            text = SpecText.decode(name, Files.readAllBytes(file.get()));
        } catch (IOException e) {
            throw new InvalidSpecException("cannot read " + name + ": " + e.getMessage());
        }
        if (text.isBlank()) {
            return new PluginsConfig(Map.of());
        }
        checkFields(name, text);
        PluginsConfig config = SpecText.read(name, text, PluginsConfig.class);
        config.plugins().forEach((plugin, entry) -> check(name, plugin, entry));
        return config;
    }

    /** The config file there is, {@code plugins.yml} before {@code plugins.json}. */
    public static Optional<Path> file(InfrakitHome home) {
        return FILES.stream().map(home.root()::resolve).filter(Files::isRegularFile).findFirst();
    }

    /** Where the config is or would be, for messages. */
    public static Path fileOrDefault(InfrakitHome home) {
        return file(home).orElse(home.root().resolve(FILES.get(0)));
    }

    public Optional<ProcessEntry> entry(String name) {
        return Optional.ofNullable(plugins.get(name));
    }

    private static void check(String file, String plugin, ProcessEntry entry) {
        String where = file + ": plugins." + Identifiers.escape(plugin) + ": ";
        try {
            if (PluginName.parse(plugin).hasType()) {
                throw new IllegalArgumentException("a name has no '/'");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(where + "invalid plugin name: expected letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit");
        }
        if (entry == null || (entry.kind() == null) == (entry.command() == null)) {
            throw new InvalidSpecException(where + "give either 'command' (a program to run) or 'kind' (a built-in "
                    + "plugin, run as 'infrakit plugin run KIND:" + plugin + "')");
        }
        if (entry.isBuiltIn() && !entry.args().isEmpty()) {
            throw new InvalidSpecException(where + "'args' are for a 'command'; a built-in 'kind' takes none");
        }
    }

    private static void checkFields(String name, String text) {
        JsonFactory factory = SpecText.looksLikeYaml(name, text) ? new YAMLFactory() : new JsonFactory();
        try {
            FIELDS.check(name, TextPositions.of(name), factory.createParser(text));
        } catch (JsonProcessingException e) {
            // reported by SpecText.read, with its position
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests and messages: the names, in order. */
    public List<String> names() {
        return List.copyOf(new LinkedHashMap<>(plugins).keySet());
    }
}
