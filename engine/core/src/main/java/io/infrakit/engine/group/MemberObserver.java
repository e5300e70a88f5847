package io.infrakit.engine.group;

import io.infrakit.spi.Any;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.LogicalId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Observes a group's members: InfraKit's label-and-list. Members are the instances tagged with the group; any
 * tagged {@code bootstrap} is adopted first (labelled with the group and the current config hash) and the list
 * taken again. A member with an {@code infrakit.logical_id} tag and no logical ID gets the tag's value. A member
 * tagged with the legacy hash of a revision (written before the config hash was InfraKit's) runs that revision: it
 * is labelled with the revision's config hash, and counted as such even where the plugin cannot label.
 */
final class MemberObserver {

    private static final Logger LOG = LoggerFactory.getLogger(MemberObserver.class);

    private MemberObserver() {
    }

    static List<InstanceDescription> labelAndList(GroupId group, InstancePlugin instances, String configHash,
                                                  Map<String, String> configHashesByLegacyHash) {
        List<InstanceDescription> members = list(group, instances);
        if (members.stream().anyMatch(member -> Tags.BOOTSTRAP_HASH.equals(member.tags().get(Tags.CONFIG_HASH)))) {
            adoptBootstrapped(group, instances, configHash);
            members = list(group, instances);
        }
        return members.stream().map(member -> upgraded(member, instances, configHashesByLegacyHash)).toList();
    }

    private static InstanceDescription upgraded(InstanceDescription member, InstancePlugin instances,
                                                Map<String, String> configHashesByLegacyHash) {
        String tagged = member.tags().get(Tags.CONFIG_HASH);
        String current = tagged == null ? null : configHashesByLegacyHash.get(tagged);
        if (current == null) {
            return member;
        }
        try {
            instances.label(member.id(), Map.of(Tags.CONFIG_HASH, current));
        } catch (RuntimeException e) {
            LOG.debug("{} keeps its legacy config hash tag, the plugin cannot label it: {}", member.id(),
                    e.getMessage());
        }
        Map<String, String> tags = new HashMap<>(member.tags());
        tags.put(Tags.CONFIG_HASH, current);
        return new InstanceDescription(member.id(), member.logicalId(), tags, member.properties());
    }

    /**
     * Labels every member tagged {@code bootstrap} with the group and the config hash; returns how many. Errors of
     * the plugin propagate.
     */
    static int adoptBootstrapped(GroupId group, InstancePlugin instances, String configHash) {
        int adopted = 0;
        for (InstanceDescription member : instances.describeInstances(Map.of(Tags.GROUP, group.value()), false)) {
            if (Tags.BOOTSTRAP_HASH.equals(member.tags().get(Tags.CONFIG_HASH))) {
                instances.label(member.id(), Map.of(Tags.GROUP, group.value(), Tags.CONFIG_HASH, configHash));
                adopted++;
            }
        }
        return adopted;
    }

    /** The flavor's verdict; an error is Unknown, as in InfraKit. */
    static Health health(FlavorPlugin flavor, Any properties, InstanceDescription instance) {
        try {
            Health health = flavor.healthy(properties, instance);
            return health == null ? Health.UNKNOWN : health;
        } catch (RuntimeException e) {
            LOG.debug("health of {} unknown: {}", instance.id(), e.getMessage());
            return Health.UNKNOWN;
        }
    }

    /** True when this member runs the controller itself: its logical ID or logical-ID tag is self's. */
    static boolean isSelf(InstanceDescription instance, LogicalId self) {
        return self != null && (self.equals(instance.logicalId())
                || self.value().equals(instance.tags().get(Tags.LOGICAL_ID)));
    }

    private static List<InstanceDescription> list(GroupId group, InstancePlugin instances) {
        return instances.describeInstances(Map.of(Tags.GROUP, group.value()), true).stream()
                .map(MemberObserver::withTaggedLogicalId)
                .toList();
    }

    private static InstanceDescription withTaggedLogicalId(InstanceDescription instance) {
        String tagged = instance.tags().get(Tags.LOGICAL_ID);
        if (instance.logicalId() != null || tagged == null || tagged.isBlank()) {
            return instance;
        }
        return new InstanceDescription(instance.id(), LogicalId.of(tagged), instance.tags(), instance.properties());
    }
}
