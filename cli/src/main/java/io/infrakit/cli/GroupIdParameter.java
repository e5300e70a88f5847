package io.infrakit.cli;

import io.infrakit.common.Suggestions;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import picocli.CommandLine.Parameters;

import java.util.List;

/**
 * The group a command acts on, and {@code --plugin}; {@link #address()} refuses an ID no group can have (exit 3), so
 * call it first, and {@link #requireIn} one the plugin does not have (exit 3, naming the groups it has).
 */
public final class GroupIdParameter extends GroupPluginOption {

    @Parameters(index = "0", paramLabel = "ID", description = "The group's ID, or NAME/ID for the group plugin NAME")
    public String id;

    public GroupAddress address() {
        return GroupAddress.parse(id, pluginName());
    }

    public GroupId groupId() {
        return address().group();
    }

    /** Refuses a group the manager does not have: {@code no group 'nope'; groups: a, b}. */
    public void requireIn(GroupPlugin groups) {
        GroupId group = groupId();
        List<String> known = groups.inspectGroups().stream().map(GroupSpec::id).sorted().map(GroupId::value).toList();
        if (!known.contains(group.value())) {
            String hint = Suggestions.hint(group.value(), known);
            throw new InvalidSpecException("no group '" + group + "'" + hint + (hint.isEmpty() ? "; " : " ")
                    + "groups: " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
        }
    }
}
