package io.infrakit.spi.group;

import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.instance.InstanceId;

import java.util.List;

/** Keeps groups of instances at their spec. */
public interface GroupPlugin {

    InterfaceSpec INTERFACE = new InterfaceSpec("Group", "0.1.1");

    /** Declares the desired state of a group; with pretend, only explains what committing would do. */
    String commitGroup(GroupSpec spec, boolean pretend);

    /** Stops managing the group and leaves its instances alone. */
    void freeGroup(GroupId id);

    GroupDescription describeGroup(GroupId id);

    /** Stops managing the group and destroys its instances. */
    void destroyGroup(GroupId id);

    List<GroupSpec> inspectGroups();

    /** Destroys these members and lowers the group's target size to match. */
    void destroyInstances(GroupId id, List<InstanceId> instances);

    int size(GroupId id);

    void setSize(GroupId id, int size);
}
