package io.infrakit.engine.group;

import io.infrakit.spi.Any;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.controller.Controller;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.controller.Operation;
import io.infrakit.spi.controller.Plan;
import io.infrakit.spi.controller.PlannedChange;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * InfraKit's {@code AsController}: a group plugin seen as a {@code Controller/0.1.1}. The group's ID is the spec's
 * identity or the type part of its name ({@code group/workers}); its properties pass through verbatim both ways.
 * A generic controller serves every group; a scoped one serves its own group only and refuses any other.
 */
public final class GroupAsController implements Controller {

    /** The kind of the objects: a group. */
    public static final String KIND = "group";
    /** The type under which a plugin serves the generic controller, as InfraKit's manager does. */
    public static final String GENERIC_TYPE = "groups";

    private final String lookup;
    private final GroupPlugin groups;
    private final Optional<GroupId> scope;

    private GroupAsController(String lookup, GroupPlugin groups, Optional<GroupId> scope) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.scope = scope;
    }

    /**
     * @param lookup the name of the plugin that serves the controller ({@code group}), to name its objects
     *               {@code group/<id>}
     */
    public static GroupAsController generic(String lookup, GroupPlugin groups) {
        return new GroupAsController(lookup, groups, Optional.empty());
    }

    public static GroupAsController scoped(String lookup, GroupId group, GroupPlugin groups) {
        return new GroupAsController(lookup, groups, Optional.of(group));
    }

    /** The controllers a plugin serving these groups exposes, by type: {@code groups}, then one per group. */
    public static Map<String, Controller> byType(String lookup, GroupPlugin groups) {
        Map<String, Controller> controllers = new LinkedHashMap<>();
        controllers.put(GENERIC_TYPE, generic(lookup, groups));
        for (GroupSpec group : groups.inspectGroups()) {
            controllers.put(group.id().value(), scoped(lookup, group.id(), groups));
        }
        return controllers;
    }

    @Override
    public PlannedChange plan(Operation operation, ObjectSpec spec) {
        GroupId id = groupOf(spec.metadata());
        if (operation == Operation.DESTROY) {
            ManagedObject current = find(id).orElseThrow(() -> notWatched(id));
            int members = current.state().decode(GroupDescription.class).instances().size();
            return new PlannedChange(current, Plan.of("Destroying group " + id + " and its " + members + " instances"));
        }
        GroupSpec group = new GroupSpec(id, spec.properties());
        String details = groups.commitGroup(group, true);
        GroupDescription now = find(id).map(object -> object.state().decode(GroupDescription.class))
                .orElse(new GroupDescription(List.of(), false));
        return new PlannedChange(objectOf(group, now), Plan.of(details));
    }

    @Override
    public ManagedObject commit(Operation operation, ObjectSpec spec) {
        GroupId id = groupOf(spec.metadata());
        if (operation == Operation.DESTROY) {
            Optional<ManagedObject> last = find(id);
            groups.destroyGroup(id);
            return last.orElseGet(() -> new ManagedObject(spec, Any.empty()));
        }
        GroupSpec group = new GroupSpec(id, spec.properties());
        groups.commitGroup(group, false);
        return objectOf(group, groups.describeGroup(id));
    }

    @Override
    public List<ManagedObject> describe(Metadata search) {
        List<ManagedObject> objects = new ArrayList<>();
        groups.inspectGroups().stream()
                .filter(group -> scope.map(group.id()::equals).orElse(true) && matches(search, group.id()))
                .sorted(Comparator.comparing(GroupSpec::id))
                .forEach(group -> objects.add(objectOf(group, groups.describeGroup(group.id()))));
        return objects;
    }

    @Override
    public List<ManagedObject> free(Metadata search) {
        List<ManagedObject> objects = describe(search);
        objects.forEach(object -> groups.freeGroup(GroupId.of(object.spec().metadata().id())));
        return objects;
    }

    private GroupId groupOf(Metadata metadata) {
        String named = instanceOf(metadata);
        if (scope.isEmpty()) {
            if (named.isEmpty()) {
                throw new InvalidSpecException("no group name");
            }
            return GroupId.of(named);
        }
        if (!named.equals(scope.get().value())) {
            throw new InvalidSpecException("wrong group: instance=" + named + " scope=" + scope.get());
        }
        return scope.get();
    }

    /** A search names a group by identity or by name; one by tags alone matches none, groups have no tags. */
    private static boolean matches(Metadata search, GroupId group) {
        return search.isAny() || instanceOf(search).equals(group.value());
    }

    /** The identity, else the name's type part ({@code group/workers}), else the whole name. */
    private static String instanceOf(Metadata metadata) {
        if (!metadata.id().isEmpty()) {
            return metadata.id();
        }
        int slash = metadata.name().indexOf('/');
        return slash < 0 ? metadata.name() : metadata.name().substring(slash + 1);
    }

    private Optional<ManagedObject> find(GroupId id) {
        return describe(new Metadata(id.value(), "", Map.of())).stream().findFirst();
    }

    private ManagedObject objectOf(GroupSpec group, GroupDescription description) {
        Metadata metadata = new Metadata(group.id().value(), lookup + "/" + group.id(), Map.of());
        return new ManagedObject(ObjectSpec.of(KIND, GroupPlugin.INTERFACE.encoded(), metadata, group.properties()),
                Any.of(description));
    }

    /** As the group controller says it: there is nothing to destroy. */
    private static InfrakitException notWatched(GroupId id) {
        return new InfrakitException("Group '" + id + "' is not being watched");
    }
}
