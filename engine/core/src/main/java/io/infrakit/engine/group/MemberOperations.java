package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creating and destroying one member, with InfraKit's tagging and drain rules. */
final class MemberOperations {

    private static final Logger LOG = LoggerFactory.getLogger(MemberOperations.class);

    private MemberOperations() {
    }

    /**
     * InfraKit's CreateOne: the group, config-hash and logical-ID tags are on the spec before the flavor prepares it
     * (so the flavor sees them), and again after (so no flavor can take an instance out of its group).
     */
    static InstanceId provision(GroupId group, GroupProperties properties, String configHash, LogicalId logicalId,
                                long sequence, InstancePlugin instances, FlavorPlugin flavor) {
        Map<String, String> tags = new HashMap<>();
        tags.put(Tags.GROUP, group.value());
        tags.put(Tags.CONFIG_HASH, configHash);
        if (logicalId != null) {
            tags.put(Tags.LOGICAL_ID, logicalId.value());
        }
        InstanceSpec spec = new InstanceSpec(properties.instance().properties(), tags, "", logicalId, List.of());
        InstanceSpec prepared = flavor.prepare(properties.flavor().properties(), spec,
                properties.allocation().toSpi(), new Index(group.value(), sequence));
        return instances.provision(prepared.withTags(tags));
    }

    /**
     * InfraKit's destroy of one member: drain first, unless a rolling update skips it; a drain error stops a rolling
     * update's destroy but not a termination; self is drained and kept in a rolling update. An instance that is
     * already gone counts as destroyed. Returns whether the member was drained.
     */
    static boolean destroy(InstanceDescription instance, DestroyReason reason, boolean self, GroupProperties properties,
                           InstancePlugin instances, FlavorPlugin flavor) {
        boolean rolling = reason == DestroyReason.ROLLING_UPDATE;
        boolean drained = false;
        if (!(rolling && properties.updating().skipDrain())) {
            try {
                flavor.drain(properties.flavor().properties(), instance);
                drained = true;
            } catch (RuntimeException e) {
                if (rolling) {
                    throw e;
                }
                LOG.warn("drain of {} failed, destroying it anyway: {}", instance.id(), e.getMessage());
            }
        }
        if (rolling && self) {
            LOG.info("{} runs this controller: drained, not destroyed", instance.id());
            return drained;
        }
        try {
            instances.destroy(instance.id(), reason);
        } catch (InstanceNotFoundException e) {
            LOG.debug("{} was already gone", instance.id());
        }
        return drained;
    }
}
