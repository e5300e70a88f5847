package io.infrakit.playbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.image.ImageSpec;
import io.infrakit.playbooks.SpecLocations.Form;
import io.infrakit.playbooks.SpecLocations.GroupField;
import io.infrakit.playbooks.SpecLocations.ImageField;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.templates.TemplatePolicy;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds what a playbook that is not trusted commits and builds to the policy of its templates: every field of
 * {@link SpecLocations} may name a file only inside the policy's readable roots (the playbook tree and the built
 * images), following symbolic links, and a URL to fetch only when the policy allows the network. A value the run
 * vouches for passes as it is: one the user gave as a parameter, or an output of an image the run built.
 * A trusted playbook's specs, like the user's own, are not checked.
 */
public final class SpecConfinement {

    /** For a trusted playbook: its specs may name anything, as the user's own may. */
    public static final SpecConfinement NONE = new SpecConfinement(null, Map.of());

    private static final String OUTSIDE = "is outside the playbook tree and the built images";
    private static final String ADVICE = "; a playbook that is not trusted may not name it (--trust allows it)";
    private static final String INLINE_TEXT = "str://";
    private static final int SHOWN_LENGTH = 200;

    private final TemplatePolicy policy;
    private final Map<String, String> kindsByName;

    private SpecConfinement(TemplatePolicy policy, Map<String, String> kindsByName) {
        this.policy = policy;
        this.kindsByName = Map.copyOf(kindsByName);
    }

    /** The specs may name what templates under {@code policy} may read; every plugin is served under its kind's name. */
    public static SpecConfinement of(TemplatePolicy policy) {
        return of(policy, Map.of());
    }

    /**
     * The same, for a manager that serves built-in plugins under other names ({@code plugin start docker:containers}):
     * a spec naming {@code containers} is held to the docker plugin's fields.
     */
    public static SpecConfinement of(TemplatePolicy policy, Map<String, String> kindsByName) {
        return new SpecConfinement(policy, kindsByName);
    }

    /** Refuses (exit 3) the first field of {@code spec} that names what the policy does not allow. */
    public void checkGroup(String source, GroupSpec spec, Set<String> vouched) {
        if (policy == null || spec.properties() == null || spec.properties().isEmpty()) {
            return;
        }
        JsonNode properties = spec.properties().node();
        for (GroupField field : SpecLocations.GROUP_FIELDS) {
            JsonNode section = properties.path(field.section());
            if (!isPlugin(section.path("Plugin"), field.plugin(), kindsByName)) {
                continue;
            }
            JsonNode value = section.path("Properties").path(field.property());
            List<JsonNode> values = field.form() == Form.BIND_MOUNTS && value.isArray()
                    ? toList(value) : List.of(value);
            for (int i = 0; i < values.size(); i++) {
                JsonNode text = values.get(i);
                String path = field.specPath() + (value.isArray() ? "[" + i + "]" : "");
                if (text.isTextual() && !vouched.contains(text.textValue())) {
                    refusal(field.form(), text.textValue()).ifPresent(reason -> {
                        throw refused(source, path + " \"" + shown(text.textValue()) + "\"", reason);
                    });
                }
            }
        }
    }

    /** Refuses (exit 3) the first path of {@code spec} that names what the policy does not allow. */
    public void checkImage(String source, ImageSpec spec, Set<String> vouched) {
        if (policy == null) {
            return;
        }
        for (ImageField field : SpecLocations.IMAGE_FIELDS) {
            Path path = field.path().apply(spec);
            boolean vouchedFor = vouched.stream().anyMatch(value -> isSamePath(value, path));
            if (!vouchedFor && !field.sharedHostFile().test(path) && !policy.allowsReading(path)) {
                throw refused(source, field.name() + " " + shown(path.toString()), OUTSIDE);
            }
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    private Optional<String> refusal(Form form, String value) {
        if (form == Form.ACCOUNT) {
            return Optional.of("chooses the endpoint or the credentials the plugin acts with");
        }
        if (form == Form.BIND_MOUNTS) {
            String host = value.split(":", 2)[0];
            return host.contains("/") ? pathRefusal(host) : Optional.empty();
        }
        if (form == Form.URL) {
            if (value.startsWith(INLINE_TEXT)) {
                return Optional.empty();
            }
            if (value.toLowerCase(Locale.ROOT).startsWith("file:")) {
                try {
                    return outside(Path.of(URI.create(value)));
                } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                    return Optional.of("is not an absolute file: URL");
                }
            }
            boolean web = value.startsWith("http://") || value.startsWith("https://");
            return web && policy.networkAllowed() ? Optional.empty()
                    : Optional.of("is neither " + INLINE_TEXT + " text nor a file: URL in the playbook tree");
        }
        return pathRefusal(value);
    }

    private Optional<String> pathRefusal(String value) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            return Optional.empty(); // no file at all: the plugin refuses it
        }
        if (!path.isAbsolute()) {
            return Optional.of("is a relative path, which the plugin reads from the manager's working directory;"
                    + " name a file of the playbook tree or a built image by its absolute path");
        }
        return outside(path);
    }

    private Optional<String> outside(Path path) {
        return policy.allowsReading(path) ? Optional.empty() : Optional.of(OUTSIDE);
    }

    private static boolean isPlugin(JsonNode name, String kind, Map<String, String> kindsByName) {
        try {
            if (!name.isTextual()) {
                return false;
            }
            String lookup = PluginName.parse(name.textValue()).lookup();
            return kindsByName.getOrDefault(lookup, lookup).equals(kind);
        } catch (IllegalArgumentException e) {
            return false; // not a plugin name: validation refuses the spec
        }
    }

    private static boolean isSamePath(String value, Path path) {
        try {
            Path named = Path.of(value);
            return named.isAbsolute() && named.normalize().equals(path.normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String shown(String value) {
        String printable = Printable.text(value);
        return printable.length() <= SHOWN_LENGTH ? printable : printable.substring(0, SHOWN_LENGTH) + "...";
    }

    private static InvalidSpecException refused(String source, String what, String reason) {
        return new InvalidSpecException(source + ": " + what + " " + reason + ADVICE);
    }
}
