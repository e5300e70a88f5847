package io.infrakit.engine.manager;

import io.infrakit.engine.group.GroupAsController;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.stack.StackPlugin;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The manager as InfraKit's {@code Stack/0.1.1} ({@code Manager.*}), over the specs its group plugin stores. With no
 * high availability yet, this manager always leads its home, and the leader's location is its own group socket.
 * Enforce and terminate take group specs only ({@code kind: group}), and go through the same path as a group commit
 * or destroy: every spec is first committed as a pretend one, so a refused spec stores nothing.
 */
public final class ManagerStack implements StackPlugin {

    private final PersistingGroupPlugin groups;
    private final URI location;

    public ManagerStack(PersistingGroupPlugin groups, Path socket) {
        this.groups = groups;
        this.location = URI.create("unix://" + socket.toAbsolutePath().toUri().getRawPath());
    }

    @Override
    public boolean isLeader() {
        return true;
    }

    @Override
    public URI leaderLocation() {
        return location;
    }

    /** Groups not named are left as they are: enforcing adds or changes groups, it never frees one. */
    @Override
    public void enforce(List<ObjectSpec> specs) {
        List<GroupSpec> wanted = specs.stream().map(ManagerStack::groupOf).toList();
        wanted.forEach(group -> groups.commitGroup(group, true));
        wanted.forEach(group -> groups.commitGroup(group, false));
    }

    @Override
    public List<ObjectSpec> specs() {
        return groups.storedGroups().stream().map(ManagerStack::specOf).toList();
    }

    /** Each stored group with its description as state; a group the controller does not watch has no state. */
    @Override
    public List<ManagedObject> inspect() {
        return groups.storedGroups().stream()
                .map(group -> {
                    ObjectSpec spec = specOf(group);
                    ObjectSpec identified = new ObjectSpec(spec.kind(), spec.version(),
                            spec.metadata().withId(group.id().value()), spec.template(), spec.properties(),
                            spec.options(), spec.depends());
                    return new ManagedObject(identified, stateOf(group.id()));
                })
                .toList();
    }

    @Override
    public void terminate(List<ObjectSpec> specs) {
        List<GroupId> ids = specs.stream().map(ManagerStack::groupOf).map(GroupSpec::id).toList();
        ids.forEach(groups::destroyGroup);
    }

    private Any stateOf(GroupId id) {
        try {
            return Any.of(groups.describeGroup(id));
        } catch (RuntimeException notWatched) {
            return Any.empty();
        }
    }

    private static ObjectSpec specOf(GroupSpec group) {
        return ObjectSpec.of(GroupAsController.KIND, GroupPlugin.INTERFACE.encoded(),
                new Metadata("", group.id().value(), Map.of()), group.properties());
    }

    /** The group is {@code metadata.id}, else {@code metadata.name} or its type part ({@code group/workers}). */
    private static GroupSpec groupOf(ObjectSpec spec) {
        if (!GroupAsController.KIND.equals(spec.kind())) {
            throw new InvalidSpecException("kind: the manager enforces group specs only, got '" + spec.kind() + "'");
        }
        String name = spec.metadata().id().isEmpty() ? spec.metadata().name() : spec.metadata().id();
        int slash = name.lastIndexOf('/');
        return new GroupSpec(GroupId.of(slash < 0 ? name : name.substring(slash + 1)), spec.properties());
    }
}
