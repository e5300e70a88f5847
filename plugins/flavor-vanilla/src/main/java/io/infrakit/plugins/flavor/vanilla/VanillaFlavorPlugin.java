package io.infrakit.plugins.flavor.vanilla;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.Attachment;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * InfraKit's {@code vanilla} flavor: adds init lines, tags and attachments to an instance spec. Properties are
 * {@code Init} (lines), {@code InitScriptTemplateURL}, {@code Tags}, {@code Attachments} and {@code HealthCheck}.
 *
 * <p>Without a {@code HealthCheck} every instance is healthy, as in InfraKit. With one, health is an HTTP GET to the
 * instance's port where its plugin published it ({@link HttpHealthCheck}, {@link HealthProbe}).
 *
 * <p>{@code InitScriptTemplateURL} is not rendered yet: the template engine arrives later, so for now the flavor
 * reads {@code file:} and {@code str://} URLs as plain text and uses that text as the init script.
 */
public final class VanillaFlavorPlugin implements FlavorPlugin {

    static final String BOTH_INIT_SOURCES =
            "Either \"Init\" or \"InitScriptTemplateURL\" can be specified but not both";

    /** The properties last read, and what they read as. */
    private record Parsed(Any properties, VanillaProperties parsed) {
    }

    private final HealthProbe probe = new HealthProbe();
    /**
     * A group's controller passes the same properties for every member it prepares or checks: they are read once
     * (strictly, with their errors) instead of once per member.
     */
    private final AtomicReference<Parsed> lastParsed = new AtomicReference<>();

    @Override
    public void validate(Any properties, Allocation allocation) {
        VanillaProperties parsed = parse(properties);
        if (!parsed.initScriptTemplateUrl().isEmpty()) {
            InitScriptTemplate.read(parsed.initScriptTemplateUrl());
        }
    }

    /**
     * Init becomes the spec's own init (if any), then the template's text or the Init lines, joined with newlines;
     * the flavor's tags win over the spec's; its attachments come after the spec's.
     */
    @Override
    public InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
        VanillaProperties parsed = parse(properties);
        List<String> initLines = new ArrayList<>();
        if (!spec.init().isEmpty()) {
            initLines.add(spec.init());
        }
        if (parsed.initScriptTemplateUrl().isEmpty()) {
            initLines.addAll(parsed.init());
        } else {
            initLines.add(InitScriptTemplate.read(parsed.initScriptTemplateUrl()));
        }
        List<Attachment> attachments = new ArrayList<>(spec.attachments());
        attachments.addAll(parsed.attachments());
        return spec.withInit(String.join("\n", initLines))
                .withTags(parsed.tags())
                .withAttachments(attachments);
    }

    @Override
    public Health healthy(Any properties, InstanceDescription instance) {
        return parse(properties).healthCheckIfAny()
                .map(check -> probe.check(check, instance))
                .orElse(Health.HEALTHY);
    }

    @Override
    public void drain(Any properties, InstanceDescription instance) {
        // Nothing runs on a vanilla instance that needs to be moved away first.
    }

    private VanillaProperties parse(Any properties) {
        Parsed last = lastParsed.get();
        if (last != null && (last.properties() == properties || last.properties().equals(properties))) {
            return last.parsed();
        }
        VanillaProperties parsed = readStrictly(properties);
        lastParsed.set(new Parsed(properties, parsed));
        return parsed;
    }

    private static VanillaProperties readStrictly(Any properties) {
        VanillaProperties parsed = VanillaProperties.parse(properties);
        if (!parsed.init().isEmpty() && !parsed.initScriptTemplateUrl().isEmpty()) {
            throw new InvalidSpecException(BOTH_INIT_SOURCES);
        }
        return parsed;
    }
}
