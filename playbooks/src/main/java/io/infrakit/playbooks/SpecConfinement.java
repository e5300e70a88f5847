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
import java.util.Locale;
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
    public static final SpecConfinement NONE = new SpecConfinement(null);

    private static final String OUTSIDE = "is outside the playbook tree and the built images";
    private static final String ADVICE = "; a playbook that is not trusted may not name it (--trust allows it)";
    private static final String INLINE_TEXT = "str://";
    private static final int SHOWN_LENGTH = 200;

    private final TemplatePolicy policy;

    private SpecConfinement(TemplatePolicy policy) {
        this.policy = policy;
    }

    /** The specs may name what templates under {@code policy} may read. */
    public static SpecConfinement of(TemplatePolicy policy) {
        return new SpecConfinement(policy);
    }

    /** Refuses (exit 3) the first field of {@code spec} that names what the policy does not allow. */
    public void checkGroup(String source, GroupSpec spec, Set<String> vouched) {
        if (policy == null || spec.properties() == null || spec.properties().isEmpty()) {
            return;
        }
        JsonNode properties = spec.properties().node();
        for (GroupField field : SpecLocations.GROUP_FIELDS) {
            JsonNode section = properties.path(field.section());
            JsonNode value = section.path("Properties").path(field.property());
            if (value.isTextual() && isPlugin(section.path("Plugin"), field.plugin())
                    && !vouched.contains(value.textValue())) {
                refusal(field.form(), value.textValue()).ifPresent(reason -> {
                    throw refused(source, field.specPath() + " \"" + shown(value.textValue()) + "\"", reason);
                });
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

    private Optional<String> refusal(Form form, String value) {
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

    private static boolean isPlugin(JsonNode name, String plugin) {
        try {
            return name.isTextual() && PluginName.parse(name.textValue()).lookup().equals(plugin);
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
