package io.infrakit.cli;

import io.infrakit.spi.group.GroupId;
import picocli.CommandLine.Parameters;

/** The group a command acts on; {@link #groupId()} refuses an ID no group can have (exit 3), so call it first. */
final class GroupIdParameter {

    @Parameters(index = "0", paramLabel = "ID", description = "The group's ID")
    String id;

    GroupId groupId() {
        return GroupId.of(id);
    }
}
