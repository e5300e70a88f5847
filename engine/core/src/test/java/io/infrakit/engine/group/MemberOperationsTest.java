package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;
import io.infrakit.testkit.FakeInstancePlugin;
import io.infrakit.testkit.FakeInstancePlugin.Operation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * InfraKit scenarios 34-36 (docs/scenarios.md) and the tagging rule: one member's provision, destroy, health and
 * adoption.
 */
class MemberOperationsTest {

    static final GroupId GROUP = GroupId.of("workers");

    final FakeInstancePlugin instances = new FakeInstancePlugin();
    final TestFlavor flavor = new TestFlavor();

    static GroupProperties properties(boolean skipDrain) {
        return GroupPropertiesParser.parse(Specs.cattle(3)
                .updating(skipDrain ? Map.of("SkipBeforeInstanceDestroy", "drain") : Map.of()).spec().properties());
    }

    InstanceDescription member() {
        InstanceId id = instances.provision(InstanceSpec.of(Any.empty(), Map.of(Tags.GROUP, "workers")));
        return instances.describeInstances(Map.of(), true).stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void groupHashAndLogicalIdTagsAreSetBeforeTheFlavorPreparesTheSpec() {
        GroupProperties properties = properties(false);
        MemberOperations.provision(GROUP, properties, "hash1", LogicalId.of("one"), 7, instances, flavor);

        assertThat(flavor.tagsSeenByPrepare()).singleElement().isEqualTo(
                Map.of(Tags.GROUP, "workers", Tags.CONFIG_HASH, "hash1", Tags.LOGICAL_ID, "one"));
        assertThat(flavor.prepared()).containsExactly(new Index("workers", 7));
        InstanceSpec provisioned = instances.provisioned().get(0);
        assertThat(provisioned.tags()).containsEntry(Tags.GROUP, "workers").containsEntry("flavor", "tag");
        assertThat(provisioned.init()).isEqualTo("init1");
        assertThat(provisioned.logicalId()).isEqualTo(LogicalId.of("one"));
    }

    @Test
    void scenario34_drainOkButDestroyFailsReturnsTheError() {
        InstanceDescription member = member();
        instances.failNext(Operation.DESTROY);
        assertThatThrownBy(() -> MemberOperations.destroy(member, DestroyReason.TERMINATE, false, properties(false),
                instances, flavor)).hasMessage("injected destroy failure");
        assertThat(flavor.drained()).containsExactly(member.id());
    }

    @Test
    void scenario34_aDrainErrorStopsARollingUpdateDestroy() {
        InstanceDescription member = member();
        flavor.failDrain(member.id());
        assertThatThrownBy(() -> MemberOperations.destroy(member, DestroyReason.ROLLING_UPDATE, false,
                properties(false), instances, flavor)).hasMessage("injected drain failure");
        assertThat(instances.instances()).hasSize(1);
    }

    @Test
    void scenario34_aDrainErrorDoesNotStopATermination() {
        InstanceDescription member = member();
        flavor.failDrain(member.id());
        MemberOperations.destroy(member, DestroyReason.TERMINATE, false, properties(false), instances, flavor);
        assertThat(instances.destroyed()).containsExactly(member.id());
    }

    @Test
    void scenario34_skipDrainAppliesOnlyToRollingUpdates() {
        InstanceDescription first = member();
        InstanceDescription second = member();
        MemberOperations.destroy(first, DestroyReason.ROLLING_UPDATE, false, properties(true), instances, flavor);
        MemberOperations.destroy(second, DestroyReason.TERMINATE, false, properties(true), instances, flavor);
        assertThat(flavor.drained()).containsExactly(second.id());
        assertThat(instances.destroyed()).containsExactly(first.id(), second.id());
    }

    @Test
    void selfIsDrainedButNotDestroyedInARollingUpdate() {
        InstanceDescription self = member();
        MemberOperations.destroy(self, DestroyReason.ROLLING_UPDATE, true, properties(false), instances, flavor);
        assertThat(flavor.drained()).containsExactly(self.id());
        assertThat(instances.destroyed()).isEmpty();
    }

    @Test
    void anInstanceAlreadyGoneCountsAsDestroyed() {
        InstanceDescription member = member();
        instances.kill(member.id());
        MemberOperations.destroy(member, DestroyReason.TERMINATE, false, properties(false), instances, flavor);
        assertThat(instances.instances()).isEmpty();
    }

    @Test
    void scenario35_aFlavorErrorIsUnknownHealth() {
        FlavorPlugin broken = new TestFlavor().health(i -> {
            throw new PluginException("test", "healthy", "boom");
        });
        assertThat(MemberObserver.health(broken, Any.empty(), member())).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void scenario36_adoptionLabelsOnlyBootstrappedMembers() {
        assertThat(MemberObserver.adoptBootstrapped(GROUP, instances, "h")).isZero();
        assertThat(instances.calls(Operation.LABEL)).isZero();

        InstanceId bootstrapped = instances.provision(InstanceSpec.of(Any.empty(),
                Map.of(Tags.GROUP, "workers", Tags.CONFIG_HASH, Tags.BOOTSTRAP_HASH)));
        InstanceId other = instances.provision(InstanceSpec.of(Any.empty(),
                Map.of(Tags.GROUP, "workers", Tags.CONFIG_HASH, "old")));
        assertThat(MemberObserver.adoptBootstrapped(GROUP, instances, "h")).isEqualTo(1);
        assertThat(instances.calls(Operation.LABEL)).isEqualTo(1);
        Map<InstanceId, Map<String, String>> tags = new java.util.HashMap<>();
        instances.instances().forEach(i -> tags.put(i.id(), i.tags()));
        assertThat(tags.get(bootstrapped)).containsEntry(Tags.CONFIG_HASH, "h").containsEntry(Tags.GROUP, "workers");
        assertThat(tags.get(other)).containsEntry(Tags.CONFIG_HASH, "old");
    }

    @Test
    void scenario36_describeAndLabelErrorsPropagate() {
        instances.provision(InstanceSpec.of(Any.empty(), Map.of(Tags.GROUP, "workers", Tags.CONFIG_HASH, "bootstrap")));
        instances.failNext(Operation.DESCRIBE);
        assertThatThrownBy(() -> MemberObserver.adoptBootstrapped(GROUP, instances, "h"))
                .hasMessage("injected describe failure");
        instances.failNext(Operation.LABEL);
        assertThatThrownBy(() -> MemberObserver.adoptBootstrapped(GROUP, instances, "h"))
                .hasMessage("injected label failure");
    }

    @Test
    void scenario38_selfIsFoundByLogicalIdOrByTag() {
        LogicalId self = LogicalId.of("one");
        assertThat(MemberObserver.isSelf(new InstanceDescription(InstanceId.of("a"), self, Map.of(), null), self)).isTrue();
        assertThat(MemberObserver.isSelf(new InstanceDescription(InstanceId.of("b"), null,
                Map.of(Tags.LOGICAL_ID, "one"), null), self)).isTrue();
        assertThat(MemberObserver.isSelf(new InstanceDescription(InstanceId.of("c"), null, Map.of(), null), self)).isFalse();
        assertThat(MemberObserver.isSelf(new InstanceDescription(InstanceId.of("c"), self, Map.of(), null), null)).isFalse();
    }

    @Test
    void membersGetTheirLogicalIdFromTheTag() {
        instances.provision(InstanceSpec.of(Any.empty(), Map.of(Tags.GROUP, "workers", Tags.LOGICAL_ID, "two")));
        assertThat(MemberObserver.labelAndList(GROUP, instances, "h", Map.of()))
                .extracting(InstanceDescription::logicalId).containsExactly(LogicalId.of("two"));
    }
}
