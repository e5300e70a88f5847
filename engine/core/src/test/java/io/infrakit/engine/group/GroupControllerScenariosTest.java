package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.LogicalId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.infrakit.engine.group.Specs.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** InfraKit's group integration scenarios (docs/scenarios.md, 5-25), on a manual clock. */
class GroupControllerScenariosTest {

    Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    private DefaultGroupController controller() {
        return harness.controller;
    }

    /** Commits a 3-instance group and lets it converge. */
    private String startWith(Specs specs) {
        String details = controller().commitGroup(specs.spec(), false);
        harness.converge();
        return details;
    }

    private static String hashOf(Specs specs) {
        return io.infrakit.engine.group.spec.GroupPropertiesParser.parse(specs.spec().properties()).configHash();
    }

    @Test
    void scenario05_unknownGroupsAreNotWatched() {
        for (Runnable call : List.<Runnable>of(() -> controller().destroyGroup(GROUP),
                () -> controller().describeGroup(GROUP), () -> controller().freeGroup(GROUP))) {
            assertThatThrownBy(call::run).isInstanceOf(InfrakitException.class)
                    .hasMessage("Group 'testGroup' is not being watched");
        }
    }

    @Test
    void scenario06_noopCommitTouchesNothing() {
        Specs specs = Specs.cattle(3);
        assertThat(startWith(specs)).isEqualTo("Managing 3 instances");
        List<InstanceDescription> before = harness.alive();

        assertThat(controller().commitGroup(specs.spec(), true)).isEqualTo("Noop");
        assertThat(controller().commitGroup(specs.spec(), false)).isEqualTo("Noop");
        harness.polls(3);

        assertThat(harness.flavor.drained()).isEmpty();
        assertThat(harness.instances.destroyed()).isEmpty();
        assertThat(harness.alive()).isEqualTo(before).hasSize(3);
    }

    @Test
    void scenario07_rollingUpdateReplacesAllEvenThoughOldInstancesAreUnhealthy() {
        Specs first = Specs.cattle(3);
        startWith(first);
        harness.flavor.health(i -> hashOf(first).equals(i.tags().get(Tags.CONFIG_HASH)) ? Health.UNHEALTHY : Health.HEALTHY);
        Specs second = Specs.cattle(3).instance("data2").init("flavor2");

        assertThat(controller().commitGroup(second.spec(), true)).isEqualTo("Performing a rolling update on 3 instances");
        assertThat(controller().commitGroup(second.spec(), false)).isEqualTo("Performing a rolling update on 3 instances");
        harness.converge();

        assertThat(harness.flavor.drained()).hasSize(3);
        assertThat(harness.instances.destroyed()).hasSize(3);
        assertThat(harness.alive()).hasSize(3).allSatisfy(i -> {
            assertThat(i.tags()).containsEntry(Tags.CONFIG_HASH, hashOf(second));
            assertThat(i.properties().node().path("data").asText()).isEqualTo("data2");
        });
        assertThat(harness.instances.provisioned()).last().extracting(s -> s.init()).isEqualTo("flavor2");
    }

    @Test
    void scenario10_aFailedDestroyStopsTheUpdate() {
        Specs first = Specs.cattle(3).updating(Map.of("MaxSurge", 0, "MaxUnavailable", 1));
        startWith(first);
        Specs second = Specs.cattle(3).instance("data2").updating(Map.of("MaxSurge", 0, "MaxUnavailable", 1));
        harness.faults.resistDestroy(InstanceId.of("fake-2"));
        controller().commitGroup(second.spec(), false);
        harness.polls(6);

        assertThat(harness.instances.destroyed()).containsExactly(InstanceId.of("fake-1"));
        assertThat(harness.flavor.drained()).containsExactly(InstanceId.of("fake-1"), InstanceId.of("fake-2"));
        assertThat(harness.alive()).extracting(i -> i.id().value() + "=" + (hashOf(second).equals(i.tags().get(Tags.CONFIG_HASH)) ? "new" : "old"))
                .containsExactly("fake-2=old", "fake-3=old", "fake-4=new");
        GroupStatus status = controller().status(GROUP);
        assertThat(status.phase()).isEqualTo(GroupPhase.FAILED);
        assertThat(status.reason()).isEqualTo("rollout failed: could not replace fake-2: injected destroy failure");
        assertThat(controller().describeGroup(GROUP).converged()).isTrue();
    }

    @Test
    void scenario11_selfIsDrainedButNeverDestroyed() {
        harness.close();
        harness = new Harness(ControllerSettings.defaults().withSelf(LogicalId.of("one")));
        startWith(Specs.pets("one", "two", "three"));
        Specs second = Specs.pets("one", "two", "three").instance("data2");
        assertThat(controller().commitGroup(second.spec(), false)).isEqualTo("Performing a rolling update on 3 instances");
        harness.converge();

        assertThat(harness.flavor.drained()).hasSize(3);
        assertThat(harness.instances.destroyed()).hasSize(2);
        InstanceDescription self = harness.alive().stream()
                .filter(i -> "one".equals(i.tags().get(Tags.LOGICAL_ID))).findFirst().orElseThrow();
        assertThat(self.tags().get(Tags.CONFIG_HASH)).isNotEqualTo(hashOf(second));
        assertThat(harness.aliveWithHash(hashOf(second))).isEqualTo(2);
    }

    @Test
    void scenario12_anExternalManagerReplacesEveryone() {
        harness.close();
        harness = new Harness(ControllerSettings.defaults().withSelf(LogicalId.of("other")));
        startWith(Specs.pets("one", "two", "three"));
        Specs second = Specs.pets("one", "two", "three").instance("data2");
        controller().commitGroup(second.spec(), false);
        harness.converge();

        assertThat(harness.flavor.drained()).hasSize(3);
        assertThat(harness.instances.destroyed()).hasSize(3);
        assertThat(harness.aliveWithHash(hashOf(second))).isEqualTo(3);
    }

    @Test
    void scenario13_skipDrainNeverDrains() {
        Map<String, Object> noDrain = Map.of("SkipBeforeInstanceDestroy", "drain");
        startWith(Specs.cattle(3).updating(noDrain));
        controller().commitGroup(Specs.cattle(3).instance("data2").updating(noDrain).spec(), false);
        harness.converge();

        assertThat(harness.flavor.drained()).isEmpty();
        assertThat(harness.instances.destroyed()).hasSize(3);
        assertThat(harness.alive()).hasSize(3);
    }

    @Test
    void scenario14_rollAndGrow() {
        startWith(Specs.cattle(3));
        Specs second = Specs.cattle(8).instance("data2");
        assertThat(controller().commitGroup(second.spec(), false)).isEqualTo(
                "Performing a rolling update on 3 instances, then adding 5 instances to increase the group size to 8");
        harness.converge();

        assertThat(harness.flavor.drained()).hasSize(3);
        assertThat(harness.instances.destroyed()).hasSize(3);
        assertThat(harness.alive()).hasSize(8);
        assertThat(harness.aliveWithHash(hashOf(second))).isEqualTo(8);
    }

    @Test
    void scenario15_scaleUpOnly() {
        startWith(Specs.cattle(3));
        assertThat(controller().commitGroup(Specs.cattle(8).spec(), false))
                .isEqualTo("Adding 5 instances to increase the group size to 8");
        harness.converge();
        assertThat(harness.alive()).hasSize(8);
    }

    @Test
    void scenario16_scaleDownOnly() {
        startWith(Specs.cattle(3));
        assertThat(controller().commitGroup(Specs.cattle(1).spec(), false))
                .isEqualTo("Terminating 2 instances to reduce the group size to 1");
        harness.converge();
        assertThat(harness.alive()).extracting(i -> i.id().value()).containsExactly("fake-3");
        assertThat(harness.instances.destroyReason(InstanceId.of("fake-1"))).isEqualTo(DestroyReason.TERMINATE);
    }

    @Test
    void scenario17_freeAfterCommit() {
        startWith(Specs.cattle(3));
        controller().freeGroup(GROUP);
        harness.polls(2);
        assertThat(harness.alive()).hasSize(3);
        assertThat(controller().inspectGroups()).isEmpty();
    }

    @Test
    void scenario18_destroyGroupDrainsAndDestroysAll() {
        startWith(Specs.cattle(3));
        controller().destroyGroup(GROUP);

        assertThat(harness.flavor.drained()).hasSize(3);
        assertThat(harness.instances.destroyed()).hasSize(3);
        assertThat(harness.alive()).isEmpty();
        assertThatThrownBy(() -> controller().describeGroup(GROUP)).hasMessage("Group 'testGroup' is not being watched");
    }

    @Test
    void scenario19_destroyGroupDestroysSelfLast() {
        harness.close();
        harness = new Harness(ControllerSettings.defaults().withSelf(LogicalId.of("two")));
        startWith(Specs.pets("one", "two", "three"));
        controller().destroyGroup(GROUP);

        List<InstanceId> destroyed = harness.instances.destroyed();
        assertThat(destroyed).hasSize(3);
        assertThat(harness.instances.provisioned().get(1).logicalId()).isEqualTo(LogicalId.of("two"));
        assertThat(destroyed.get(2)).isEqualTo(InstanceId.of("fake-2"));
    }

    @Test
    void scenario20_quorumUpdateKeepsLogicalIds() {
        startWith(Specs.pets("one", "two", "three"));
        Specs second = Specs.pets("one", "two", "three").instance("data2");
        assertThat(controller().commitGroup(second.spec(), false)).isEqualTo("Performing a rolling update on 3 instances");
        harness.converge();

        assertThat(harness.alive()).hasSize(3).allSatisfy(i -> {
            assertThat(i.tags()).containsKey(Tags.LOGICAL_ID).containsEntry(Tags.CONFIG_HASH, hashOf(second));
        });
        assertThat(harness.alive()).extracting(i -> i.tags().get(Tags.LOGICAL_ID))
                .containsExactlyInAnyOrder("one", "two", "three");
    }

    @Test
    void scenario21_backToBackCommits() {
        startWith(Specs.cattle(3));
        controller().commitGroup(Specs.cattle(8).spec(), false);
        harness.converge();
        assertThat(controller().commitGroup(Specs.cattle(5).spec(), false))
                .isEqualTo("Terminating 3 instances to reduce the group size to 5");
        harness.converge();
        assertThat(harness.alive()).hasSize(5);
    }

    @Test
    void scenario22_aFlavorOnlyChangeRollsToo() {
        startWith(Specs.cattle(3));
        Specs second = Specs.cattle(3).instance("data2").init("updated init");
        assertThat(controller().commitGroup(second.spec(), false)).isEqualTo("Performing a rolling update on 3 instances");
        harness.converge();

        List<String> inits = harness.instances.provisioned().stream().skip(3).map(s -> s.init()).toList();
        assertThat(inits).hasSize(3).containsOnly("updated init");
        assertThat(harness.alive()).allSatisfy(i ->
                assertThat(i.properties().node().path("data").asText()).isEqualTo("data2"));
    }

    @Test
    void scenario23_freeWhileTheUpdateWaitsOnUnknownHealth() {
        startWith(Specs.cattle(3));
        Specs second = Specs.cattle(3).init("stuck");
        harness.flavor.health(i -> Health.UNKNOWN);
        controller().commitGroup(second.spec(), false);
        harness.polls(3);
        assertThat(controller().status(GROUP).phase()).isEqualTo(GroupPhase.ROLLING_OUT);

        controller().freeGroup(GROUP);
        int instancesAfterFree = harness.alive().size();
        harness.polls(3);
        assertThat(harness.alive()).hasSize(instancesAfterFree);
    }

    @Test
    void scenario24_unhealthyOnceThenHealthyStillCompletes() {
        startWith(Specs.cattle(3));
        harness.flavor.script(InstanceId.of("fake-4"), Health.UNHEALTHY);
        Specs second = Specs.cattle(3).init("new init");
        controller().commitGroup(second.spec(), false);
        harness.converge();

        assertThat(harness.alive()).hasSize(3);
        assertThat(harness.instances.provisioned().stream().skip(3).map(s -> s.init())).containsOnly("new init");
    }

    @Test
    void scenario25_pretendHasNoSideEffects() {
        assertThat(controller().commitGroup(Specs.cattle(3).spec(), true)).isEqualTo("Managing 3 instances");
        assertThat(controller().commitGroup(Specs.cattle(3).spec(), true)).isEqualTo("Managing 3 instances");
        harness.polls(2);

        assertThat(harness.alive()).isEmpty();
        assertThatThrownBy(() -> controller().freeGroup(GROUP)).hasMessage("Group 'testGroup' is not being watched");
        assertThatThrownBy(() -> controller().destroyGroup(GROUP)).hasMessage("Group 'testGroup' is not being watched");
        assertThat(harness.scheduler.pendingTasks()).isZero();
    }

    @Test
    void inspectReturnsTheSpecVerbatim() {
        Specs specs = Specs.cattle(3);
        startWith(specs);
        assertThat(controller().inspectGroups()).containsExactly(specs.spec());
        assertThat(controller().inspectGroups().get(0).properties().node().at("/Flavor/Properties/Type").asText())
                .isEqualTo("minion");
        assertThat(controller().inspectGroups().get(0).properties().node().at("/Instance/Properties/data").asText())
                .isEqualTo("data1");
        controller().freeGroup(GROUP);
        assertThat(controller().inspectGroups()).isEmpty();
    }

    @Test
    void unknownGroupSizeErrors() {
        assertThatThrownBy(() -> controller().size(GroupId.of("x"))).hasMessage("group x not found");
        assertThatThrownBy(() -> controller().setSize(GroupId.of("x"), 2)).hasMessage("group x not found");
        assertThatThrownBy(() -> controller().setSize(GroupId.of("x"), -1)).hasMessage("size cannot be negative");
    }
}
