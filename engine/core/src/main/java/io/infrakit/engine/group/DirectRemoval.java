package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.LogicalId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Destroys members in the caller's thread, for destroyGroup and destroyInstances: each destroy is registered with
 * the group while it runs (so no reconcile picks the same member or replaces it meanwhile), drain errors are
 * ignored (termination), and the members that resist are reported rather than forgotten.
 */
final class DirectRemoval {

    /** The members destroyed and those that resisted, with why. */
    record Result(List<InstanceId> destroyed, Map<InstanceId, String> resisted) {

        String describeResisted() {
            List<String> parts = new ArrayList<>();
            resisted.forEach((id, error) -> parts.add(id + ": " + error));
            return String.join("; ", parts);
        }
    }

    private DirectRemoval() {
    }

    static List<InstanceDescription> members(GroupState group, InstancePlugin instances) {
        return instances.describeInstances(Map.of(Tags.GROUP, group.id.value()), true);
    }

    /**
     * Destroys the given members, self last. Every destroy is registered before the first starts; {@code settle}
     * runs after the last one ends and before they are released, so the group's size can be fixed first.
     */
    static Result destroy(GroupState group, Collection<InstanceDescription> members, LogicalId self,
                          GroupProperties properties, InstancePlugin instances, FlavorPlugin flavor,
                          Consumer<Result> settle) {
        List<InstanceDescription> ordered = new ArrayList<>(members);
        ordered.removeIf(member -> group.isDestroying(member.id()));
        ordered.sort((a, b) -> {
            int bySelf = Boolean.compare(MemberObserver.isSelf(a, self), MemberObserver.isSelf(b, self));
            return bySelf != 0 ? bySelf : a.id().compareTo(b.id());
        });
        List<Long> operations = ordered.stream().map(member -> group.startDestroy(member.id())).toList();
        List<InstanceId> destroyed = new ArrayList<>();
        Map<InstanceId, String> resisted = new LinkedHashMap<>();
        try {
            for (InstanceDescription member : ordered) {
                try {
                    MemberOperations.destroy(member, DestroyReason.TERMINATE, MemberObserver.isSelf(member, self),
                            properties, instances, flavor);
                    destroyed.add(member.id());
                } catch (RuntimeException e) {
                    resisted.put(member.id(), e.getMessage());
                }
            }
            Result result = new Result(destroyed, resisted);
            settle.accept(result);
            return result;
        } finally {
            operations.forEach(group::finished);
        }
    }

    /** How many of these would be destroyed (those not being destroyed already). */
    static long pending(GroupState group, Collection<InstanceDescription> members) {
        return members.stream().filter(member -> !group.isDestroying(member.id())).count();
    }

    static List<InstanceDescription> only(List<InstanceDescription> members, Set<InstanceId> wanted) {
        return members.stream().filter(member -> wanted.contains(member.id())).toList();
    }
}
