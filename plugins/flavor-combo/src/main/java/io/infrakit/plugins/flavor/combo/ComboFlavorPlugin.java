package io.infrakit.plugins.flavor.combo;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.flavor.FlavorChangeNotices;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.Attachment;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.spi.plugin.PluginLookup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * InfraKit's {@code combo} flavor: runs a list of other flavors, found by name when each call is made (in this
 * process or behind their sockets), as mixins.
 *
 * <ul>
 *   <li>Prepare: every child prepares the spec as it came in, never another child's output; the results are merged
 *       in order onto that spec: tags (a later child wins), non-empty init scripts joined by newlines, attachments
 *       appended. Properties and LogicalID stay the input's.</li>
 *   <li>Healthy: the children in order; the first answer that is not healthy is the answer, so healthy means every
 *       child said healthy.</li>
 *   <li>Drain: every child, even after one fails; the failures are joined with {@code ", "}.</li>
 *   <li>Change notices: a subscription subscribes to every child that offers {@link FlavorChangeNotices}, with
 *       the child's properties, and forwards their notices.</li>
 * </ul>
 * Validate, unlike InfraKit's (which only decoded the list), also finds every child and has it validate its own
 * properties, so a group naming a missing child is refused at commit instead of failing on its first instance.
 */
public final class ComboFlavorPlugin implements FlavorPlugin, FlavorChangeNotices {

    static final String VALIDATE = "Flavor.Validate";
    static final String PREPARE = "Flavor.Prepare";
    static final String HEALTHY = "Flavor.Healthy";
    static final String DRAIN = "Flavor.Drain";

    private final PluginLookup plugins;

    public ComboFlavorPlugin(PluginLookup plugins) {
        this.plugins = plugins;
    }

    @Override
    public void validate(Any properties, Allocation allocation) {
        for (ChildFlavor child : ComboProperties.parse(properties)) {
            FlavorPlugin flavor = find(child, VALIDATE);
            try {
                flavor.validate(child.properties(), allocation);
            } catch (RuntimeException e) {
                throw inChild(child, VALIDATE, e);
            }
        }
    }

    @Override
    public InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
        List<InstanceSpec> prepared = new ArrayList<>();
        for (ChildFlavor child : ComboProperties.parse(properties)) {
            FlavorPlugin flavor = find(child, PREPARE);
            try {
                prepared.add(flavor.prepare(child.properties(), spec, allocation, index));
            } catch (RuntimeException e) {
                throw inChild(child, PREPARE, e);
            }
        }
        return merge(spec, prepared);
    }

    /** The input spec with each child's tags, init and attachments added in order. */
    static InstanceSpec merge(InstanceSpec input, List<InstanceSpec> prepared) {
        Map<String, String> tags = new HashMap<>(input.tags());
        StringBuilder init = new StringBuilder(input.init());
        List<Attachment> attachments = new ArrayList<>(input.attachments());
        for (InstanceSpec child : prepared) {
            tags.putAll(child.tags());
            if (!child.init().isEmpty()) {
                if (!init.isEmpty()) {
                    init.append('\n');
                }
                init.append(child.init());
            }
            attachments.addAll(child.attachments());
        }
        return new InstanceSpec(input.properties(), tags, init.toString(), input.logicalId(), attachments);
    }

    @Override
    public Health healthy(Any properties, InstanceDescription instance) {
        for (ChildFlavor child : ComboProperties.parse(properties)) {
            FlavorPlugin flavor = find(child, HEALTHY);
            Health health;
            try {
                health = flavor.healthy(child.properties(), instance);
            } catch (RuntimeException e) {
                throw inChild(child, HEALTHY, e);
            }
            if (health != Health.HEALTHY) {
                return health;
            }
        }
        return Health.HEALTHY;
    }

    @Override
    public void drain(Any properties, InstanceDescription instance) {
        List<RuntimeException> failures = new ArrayList<>();
        for (ChildFlavor child : ComboProperties.parse(properties)) {
            try {
                FlavorPlugin flavor = find(child, DRAIN);
                try {
                    flavor.drain(child.properties(), instance);
                } catch (RuntimeException e) {
                    throw inChild(child, DRAIN, e);
                }
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (failures.isEmpty()) {
            return;
        }
        String joined = String.join(", ", failures.stream().map(Throwable::getMessage).toList());
        PluginNotFoundException missing = failures.stream().filter(PluginNotFoundException.class::isInstance)
                .map(PluginNotFoundException.class::cast).findFirst().orElse(null);
        if (missing != null) {
            throw new PluginNotFoundException(joined, missing.name(), missing.known());
        }
        throw new PluginException(ComboPluginProvider.NAME, DRAIN, joined, failures.get(0));
    }

    /**
     * Forwards the notices of each child that offers them; a child that is missing now (behind a socket not yet up)
     * or offers none is left to the poll, as a flavor without notices is.
     */
    @Override
    public InstanceChangeNotices.Subscription subscribe(Any properties, Consumer<InstancesChanged> listener) {
        List<InstanceChangeNotices.Subscription> subscriptions = new ArrayList<>();
        for (ChildFlavor child : ComboProperties.parse(properties)) {
            FlavorPlugin flavor;
            try {
                flavor = plugins.flavor(child.plugin());
            } catch (PluginNotFoundException e) {
                continue;
            }
            if (flavor instanceof FlavorChangeNotices notices) {
                subscriptions.add(notices.subscribe(child.properties(), listener));
            }
        }
        return () -> subscriptions.forEach(InstanceChangeNotices.Subscription::close);
    }

    /**
     * The child's flavor plugin; a missing one is a PluginNotFoundException (a missing plugin, exit 4) that says it
     * was the combo looking for it, in which operation, and which element of the list named it.
     */
    private FlavorPlugin find(ChildFlavor child, String operation) {
        try {
            return plugins.flavor(child.plugin());
        } catch (PluginNotFoundException e) {
            throw new PluginNotFoundException(prefix(child, operation) + "no such flavor plugin: " + e.getMessage(),
                    e.name(), e.known());
        }
    }

    /**
     * A child's bad properties or missing plugin with the combo, the operation and the element in front, and its kind
     * kept; any other failure as the child threw it, so its kind (and exit code) is not lost.
     */
    private static RuntimeException inChild(ChildFlavor child, String operation, RuntimeException e) {
        String message = prefix(child, operation) + e.getMessage();
        if (e instanceof InvalidSpecException) {
            return new InvalidSpecException(message, e);
        }
        if (e instanceof PluginNotFoundException missing) {
            return new PluginNotFoundException(message, missing.name(), missing.known());
        }
        return e;
    }

    private static String prefix(ChildFlavor child, String operation) {
        return "combo " + operation + ": " + child.where() + ": ";
    }
}
