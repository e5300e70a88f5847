package io.infrakit.engine.manager;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.infrakit.common.Suggestions;
import io.infrakit.common.UsageException;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.spi.Identifiers;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One plugin the manager serves, as InfraKit's {@code plugin start} names it: {@code KIND[:NAME]}. The kind says
 * which built-in plugin, the name which socket it answers on (and what specs call it). As in InfraKit, kind
 * {@code manager} is the group plugin that stores every commit (default name {@code group}), kind {@code group} the
 * group controller behind it (default name {@code group-stateless}); every other kind is a plugin's own name and
 * is its default name too.
 */
public record PluginSelection(String kind, String name) {

    /** The group plugin that stores what is committed, then hands it to the group controller. */
    public static final String MANAGER_KIND = "manager";
    /** The group controller. */
    public static final String GROUP_KIND = "group";

    public PluginSelection {
        kind = kind == null ? "" : kind;
        name = name == null ? "" : name;
    }

    /** {@code KIND[:NAME]} as written; {@link #check} says whether it names a plugin there is. */
    @JsonCreator
    public static PluginSelection parse(String text) {
        if (text == null) {
            return new PluginSelection("", "");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new PluginSelection(text, defaultName(text));
        }
        return new PluginSelection(text.substring(0, colon), text.substring(colon + 1));
    }

    /**
     * The plugins these arguments name, each of a kind {@code registry} has, no two with one name or one kind,
     * and a {@code manager} only beside the {@code group} controller it fronts. An unknown kind is a
     * {@link PluginNotFoundException} listing the kinds; anything else a usage error.
     */
    public static List<PluginSelection> resolve(List<String> arguments, PluginRegistry registry) {
        List<PluginSelection> selection = new ArrayList<>();
        for (String argument : arguments) {
            selection.add(parse(argument));
        }
        return check(selection, registry);
    }

    /** The same checks for a selection already parsed (read from a file). */
    public static List<PluginSelection> check(List<PluginSelection> selection, PluginRegistry registry) {
        if (selection.isEmpty()) {
            throw new UsageException("no plugins to serve; name at least one KIND[:NAME] (kinds: "
                    + String.join(", ", kinds(registry)) + ")");
        }
        List<String> kinds = kinds(registry);
        Set<String> names = new HashSet<>();
        Set<String> seenKinds = new HashSet<>();
        for (PluginSelection plugin : selection) {
            if (plugin.kind().isEmpty()) {
                throw new UsageException("'" + Identifiers.escape(plugin.toString())
                        + "': the kind is missing; expected KIND[:NAME] (kinds: " + String.join(", ", kinds) + ")");
            }
            if (!kinds.contains(plugin.kind())) {
                throw new PluginNotFoundException("unknown plugin kind '" + Identifiers.escape(plugin.kind()) + "'"
                        + Suggestions.hint(plugin.kind(), kinds) + "; kinds: " + String.join(", ", kinds),
                        plugin.kind(), kinds);
            }
            validName(plugin);
            if (!names.add(plugin.name())) {
                throw new UsageException("two plugins are named '" + plugin.name() + "'; give each its own name ("
                        + plugin.kind() + ":OTHER)");
            }
            if (!seenKinds.add(plugin.kind())) {
                throw new UsageException("the kind '" + plugin.kind() + "' is named twice; the manager serves each "
                        + "kind once");
            }
        }
        if (seenKinds.contains(MANAGER_KIND) && !seenKinds.contains(GROUP_KIND)) {
            throw new UsageException("the manager needs the group controller it fronts: add '" + GROUP_KIND + "'");
        }
        return List.copyOf(selection);
    }

    /** What the manager serves when nobody chose: every plugin there is, each under its default name. */
    public static List<PluginSelection> defaults(PluginRegistry registry) {
        List<PluginSelection> defaults = new ArrayList<>();
        for (String provider : registry.names()) {
            String kind = provider.equals(GroupControllerProvider.NAME) ? GROUP_KIND : provider;
            defaults.add(new PluginSelection(kind, defaultName(kind)));
        }
        if (registry.names().contains(GroupControllerProvider.NAME)) {
            defaults.add(new PluginSelection(MANAGER_KIND, defaultName(MANAGER_KIND)));
        }
        return List.copyOf(defaults);
    }

    /** The kinds {@code registry} makes available: its plugins, the group controller as {@code group}, and the manager. */
    public static List<String> kinds(PluginRegistry registry) {
        List<String> kinds = new ArrayList<>();
        if (registry.names().contains(GroupControllerProvider.NAME)) {
            kinds.add(MANAGER_KIND);
            kinds.add(GROUP_KIND);
        }
        registry.names().stream().filter(name -> !name.equals(GroupControllerProvider.NAME)).forEach(kinds::add);
        return List.copyOf(kinds);
    }

    /** The name a kind answers to when none is given, as in InfraKit. */
    public static String defaultName(String kind) {
        return switch (kind) {
            case MANAGER_KIND -> "group";
            case GROUP_KIND -> GroupControllerProvider.NAME;
            default -> kind;
        };
    }

    /** The plugin that makes this kind's objects; empty for the manager, which the engine makes itself. */
    public Optional<String> provider() {
        return switch (kind) {
            case MANAGER_KIND -> Optional.empty();
            case GROUP_KIND -> Optional.of(GroupControllerProvider.NAME);
            default -> Optional.of(kind);
        };
    }

    public boolean isManager() {
        return MANAGER_KIND.equals(kind);
    }

    public boolean isGroupController() {
        return GROUP_KIND.equals(kind);
    }

    /** {@code KIND:NAME}, as given to {@code plugin start} and kept in the manager's config. */
    @JsonValue
    @Override
    public String toString() {
        return kind + ":" + name;
    }

    private static void validName(PluginSelection plugin) {
        try {
            if (PluginName.parse(plugin.name()).hasType()) {
                throw new IllegalArgumentException("a name has no '/'");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + Identifiers.escape(plugin.toString()) + "': invalid plugin name '"
                    + Identifiers.escape(plugin.name())
                    + "': expected letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }
}
