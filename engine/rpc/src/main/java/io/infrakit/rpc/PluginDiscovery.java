package io.infrakit.rpc;

import io.infrakit.common.Suggestions;
import io.infrakit.spi.Identifiers;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds plugins the way InfraKit does: every unix socket directly in the plugins directory is a plugin named
 * after the file. Other files ({@code <name>.pid}, {@code <name>.listen}) are not endpoints.
 */
public final class PluginDiscovery {

    public static final String PLUGINS_DIR_VARIABLE = "INFRAKIT_PLUGINS_DIR";
    public static final String HOME_VARIABLE = "INFRAKIT_HOME";

    /** How long a plugin may take to say what it implements when the answer only makes an error message. */
    static final Duration LISTING_TIMEOUT = Duration.ofSeconds(2);

    private final Path pluginsDir;

    public PluginDiscovery(Path pluginsDir) {
        this.pluginsDir = pluginsDir.toAbsolutePath();
    }

    /** {@code INFRAKIT_PLUGINS_DIR}, else {@code $INFRAKIT_HOME/plugins}, else {@code ~/.infrakit/plugins}. */
    public static Path pluginsDir(Map<String, String> environment, Path userHome) {
        String pluginsDir = environment.get(PLUGINS_DIR_VARIABLE);
        if (pluginsDir != null && !pluginsDir.isBlank()) {
            return Path.of(pluginsDir);
        }
        String home = environment.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return Path.of(home, "plugins");
        }
        return userHome.resolve(".infrakit").resolve("plugins");
    }

    public Path directory() {
        return pluginsDir;
    }

    /** The plugins serving now, by name; empty when the directory does not exist. */
    public List<PluginEndpoint> list() {
        if (!Files.isDirectory(pluginsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pluginsDir)) {
            return files.filter(SocketFiles::isSocket)
                    .filter(file -> !file.getFileName().toString().endsWith(SocketFiles.PID_SUFFIX))
                    .map(file -> new PluginEndpoint(file.getFileName().toString(), file))
                    .sorted(Comparator.comparing(PluginEndpoint::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins directory " + pluginsDir, e);
        }
    }

    /** The endpoint serving {@code name}'s lookup part ({@code aws} for {@code aws/ec2-instance}). */
    public PluginEndpoint find(PluginName name) {
        List<PluginEndpoint> endpoints = list();
        return endpoints.stream()
                .filter(endpoint -> endpoint.name().equals(name.lookup()))
                .findFirst()
                .orElseThrow(() -> new PluginNotFoundException(name.toString(),
                        endpoints.stream().map(PluginEndpoint::name).toList()));
    }

    /**
     * The same for a plugin that is to implement {@code wanted}: when nothing answers to the name, the error lists
     * only the plugins that implement that interface ({@link #implementing}), and the one meant if one is close.
     */
    public PluginEndpoint find(PluginName name, InterfaceSpec wanted) {
        List<PluginEndpoint> endpoints = list();
        return endpoints.stream()
                .filter(endpoint -> endpoint.name().equals(name.lookup()))
                .findFirst()
                .orElseThrow(() -> notFound(name, implementing(endpoints, wanted)));
    }

    /** {@code unknown plugin 'simulatr'; did you mean 'simulator'? known: file, simulator}. */
    private static PluginNotFoundException notFound(PluginName name, List<String> known) {
        String hint = Suggestions.hint(name.toString(), known);
        return new PluginNotFoundException("unknown plugin '" + Identifiers.escape(name.toString()) + "'" + hint
                + (hint.isEmpty() ? "; " : " ") + "known: " + (known.isEmpty() ? "(none)" : String.join(", ", known)),
                name.toString(), known);
    }

    /**
     * The names a spec could use for the objects that implement an interface of {@code wanted}'s name, in any
     * version, each plugin asked by its handshake; one that does not answer within {@link #LISTING_TIMEOUT} is left
     * out, as a list in an error message must not hang.
     */
    public static List<String> implementing(List<PluginEndpoint> endpoints, InterfaceSpec wanted) {
        TreeSet<String> names = new TreeSet<>();
        for (PluginEndpoint endpoint : endpoints) {
            try {
                PluginClient.of(endpoint, LISTING_TIMEOUT).hello().forEach((spec, objects) -> {
                    if (spec.name().equals(wanted.name())) {
                        objects.forEach(object -> names.add(HandshakeMessages.DEFAULT_OBJECT.equals(object)
                                ? endpoint.name() : endpoint.name() + "/" + object));
                    }
                });
            } catch (RuntimeException unreachable) {
                // Left out: the list names what can be used now.
            }
        }
        return List.copyOf(names);
    }
}
