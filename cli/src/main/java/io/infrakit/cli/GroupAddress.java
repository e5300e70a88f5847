package io.infrakit.cli;

import io.infrakit.common.UsageException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupId;

import java.util.Optional;

/**
 * The group a command acts on and the group plugin that has it: {@code cattle} (the default group plugin, or the one
 * {@code --plugin} names) or {@code mystack/cattle}, as InfraKit's CLI writes it.
 *
 * @param plugin empty for the default group plugin
 */
public record GroupAddress(Optional<PluginName> plugin, GroupId group) {

    /** Refuses a group ID no group can have (exit 3) and a plugin named twice, differently (exit 2). */
    public static GroupAddress parse(String argument, Optional<PluginName> option) {
        int slash = argument.indexOf('/');
        if (slash < 0) {
            return new GroupAddress(option, GroupId.of(argument));
        }
        PluginName named;
        try {
            named = PluginName.of(argument.substring(0, slash));
        } catch (IllegalArgumentException notAPluginName) {
            // Then it is meant as a group ID, and refused as one: IDs hold no '/'.
            return new GroupAddress(option, GroupId.of(argument));
        }
        GroupId group = GroupId.of(argument.substring(slash + 1));
        if (option.isPresent() && !option.get().lookup().equals(named.lookup())) {
            throw new UsageException("two group plugins named: --plugin " + option.get() + " and " + argument);
        }
        return new GroupAddress(Optional.of(option.orElse(named)), group);
    }
}
