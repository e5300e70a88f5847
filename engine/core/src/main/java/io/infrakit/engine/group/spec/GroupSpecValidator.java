package io.infrakit.engine.group.spec;

import io.infrakit.spi.Any;
import io.infrakit.spi.Identifiers;
import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginLookup;

/**
 * Checks a group spec as InfraKit does on commit (pretend or real): the ID, the properties, then the flavor and
 * instance plugins are looked up and asked to validate their own properties. Every failure has InfraKit's message;
 * a plugin that cannot be found is a PluginNotFoundException, anything else an InvalidSpecException.
 */
public final class GroupSpecValidator {

    private final PluginLookup plugins;

    public GroupSpecValidator(PluginLookup plugins) {
        this.plugins = plugins;
    }

    public GroupProperties validate(String groupId, Any properties) {
        Identifiers.checkGroupId(groupId);
        GroupProperties parsed = GroupPropertiesParser.parse(properties);
        FlavorPlugin flavor = flavor(parsed.flavor().plugin());
        flavor.validate(parsed.flavor().properties(), parsed.allocation().toSpi());
        InstancePlugin instance = instance(parsed.instance().plugin());
        instance.validate(parsed.instance().properties());
        return parsed;
    }

    public FlavorPlugin flavor(String name) {
        try {
            return plugins.flavor(PluginName.parse(name));
        } catch (RuntimeException e) {
            throw notFound("Flavor", name, e);
        }
    }

    public InstancePlugin instance(String name) {
        try {
            return plugins.instance(PluginName.parse(name));
        } catch (RuntimeException e) {
            throw notFound("Instance", name, e);
        }
    }

    /**
     * InfraKit's message, and the kind of failure kept: a plugin nothing answers to, or one of the wrong version, is a
     * missing plugin (exit 4); a name that cannot name a plugin is a bad spec (exit 3).
     */
    private static RuntimeException notFound(String kind, String name, RuntimeException e) {
        String message = "Failed to find " + kind + " plugin '" + Identifiers.escape(name) + "':" + e.getMessage();
        if (e instanceof PluginNotFoundException missing) {
            return new PluginNotFoundException(message, missing.name(), missing.known());
        }
        if (e instanceof IncompatiblePluginException) {
            return new IncompatiblePluginException(message);
        }
        return new InvalidSpecException(message, e);
    }
}
