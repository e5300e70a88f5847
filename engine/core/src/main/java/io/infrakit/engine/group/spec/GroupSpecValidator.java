package io.infrakit.engine.group.spec;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginLookup;

/**
 * Checks a group spec as InfraKit does on commit (pretend or real): the ID, the properties, then the flavor and
 * instance plugins are looked up and asked to validate their own properties. Every failure is an
 * InvalidSpecException with InfraKit's message.
 */
public final class GroupSpecValidator {

    private final PluginLookup plugins;

    public GroupSpecValidator(PluginLookup plugins) {
        this.plugins = plugins;
    }

    public GroupProperties validate(String groupId, Any properties) {
        if (groupId == null || groupId.isBlank()) {
            throw new InvalidSpecException("Group ID must not be blank");
        }
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
            throw new InvalidSpecException("Failed to find Flavor plugin '" + name + "':" + e.getMessage(), e);
        }
    }

    public InstancePlugin instance(String name) {
        try {
            return plugins.instance(PluginName.parse(name));
        } catch (RuntimeException e) {
            throw new InvalidSpecException("Failed to find Instance plugin '" + name + "':" + e.getMessage(), e);
        }
    }
}
