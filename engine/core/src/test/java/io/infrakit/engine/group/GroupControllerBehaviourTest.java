package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.Any;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.testkit.FakeInstancePlugin.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.infrakit.engine.group.Specs.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The controller beyond InfraKit's scenarios (docs/scenarios.md): adoption, errors in status, no orphans, sizes,
 * pause, rollback.
 */
class GroupControllerBehaviourTest {

    Harness harness = new Harness();

    @AfterEach
    void close() {
        harness.close();
    }

    private String hash(Specs specs) {
        return io.infrakit.engine.group.spec.GroupPropertiesParser.parse(specs.spec().properties()).configHash();
    }

    @Test
    void scenario29_bootstrappedInstancesAreAdoptedBeforeAnythingElse() {
        harness.instances.provision(InstanceSpec.of(Any.empty(),
                Map.of(Tags.GROUP, "testGroup", Tags.CONFIG_HASH, Tags.BOOTSTRAP_HASH)));
        harness.controller.commitGroup(Specs.cattle(2).spec(), false);
        harness.converge();

        assertThat(harness.instances.calls(Operation.LABEL)).isEqualTo(1);
        assertThat(harness.alive()).hasSize(2).allSatisfy(i ->
                assertThat(i.tags()).containsEntry(Tags.CONFIG_HASH, hash(Specs.cattle(2))));
    }

    @Test
    void scenario29_aLabelErrorSkipsTheCycle() {
        harness.instances.provision(InstanceSpec.of(Any.empty(),
                Map.of(Tags.GROUP, "testGroup", Tags.CONFIG_HASH, Tags.BOOTSTRAP_HASH)));
        harness.instances.failNext(Operation.LABEL);
        harness.controller.commitGroup(Specs.cattle(3).spec(), false);
        harness.settle();

        assertThat(harness.instances.provisioned()).hasSize(1);
        assertThat(harness.controller.status(GROUP).lastError()).isEqualTo("injected label failure");
        harness.converge();
        assertThat(harness.alive()).hasSize(3);
    }

    @Test
    void scenario30_aListErrorSkipsTheCycleShowsInStatusAndIsRetried() {
        harness.instances.failNext(Operation.DESCRIBE);
        harness.controller.commitGroup(Specs.cattle(2).spec(), false);
        harness.settle();
        assertThat(harness.alive()).isEmpty();
        assertThat(harness.controller.status(GROUP).lastError()).isEqualTo("injected describe failure");

        harness.scheduler.advance(Duration.ofMillis(500));
        assertThat(harness.alive()).hasSize(2);
        assertThat(harness.controller.status(GROUP).converged()).isTrue();
        assertThat(harness.controller.status(GROUP).lastError()).isEmpty();
    }

    @Test
    void deadInstancesAreReplacedAtTheNextPoll() {
        harness.controller.commitGroup(Specs.cattle(3).spec(), false);
        harness.converge();
        harness.instances.kill(InstanceId.of("fake-1"));
        harness.instances.kill(InstanceId.of("fake-2"));
        harness.polls(1);
        assertThat(harness.alive()).hasSize(3);
    }

    @Test
    void destroyGroupReportsTheMembersThatResistAndKeepsTryingUntilNoneIsLeft() {
        harness.controller.commitGroup(Specs.cattle(3).spec(), false);
        harness.converge();
        harness.faults.resistDestroy(InstanceId.of("fake-2"));

        assertThatThrownBy(() -> harness.controller.destroyGroup(GROUP)).isInstanceOf(InfrakitException.class)
                .hasMessage("Group 'testGroup': could not destroy 1 of 3 instances, will keep trying: "
                        + "fake-2: injected destroy failure");
        assertThat(harness.alive()).extracting(i -> i.id().value()).containsExactly("fake-2");
        harness.polls(2);
        assertThat(harness.alive()).hasSize(1);
        assertThat(harness.controller.status(GROUP).phase()).isEqualTo(GroupPhase.SCALING);
        assertThat(harness.instances.provisioned()).hasSize(3);

        harness.faults.yieldDestroy(InstanceId.of("fake-2"));
        harness.polls(1);
        assertThat(harness.alive()).isEmpty();
        assertThatThrownBy(() -> harness.controller.status(GROUP)).hasMessage("Group 'testGroup' is not being watched");
    }

    @Test
    void destroyInstancesLowersTheSizeOnlyByTheMembersReallyDestroyed() {
        harness.controller.commitGroup(Specs.cattle(4).spec(), false);
        harness.converge();
        harness.faults.resistDestroy(InstanceId.of("fake-2"));

        assertThatThrownBy(() -> harness.controller.destroyInstances(GROUP, List.of(InstanceId.of("fake-1"),
                InstanceId.of("fake-2")))).hasMessage("fake-2: injected destroy failure");
        assertThat(harness.controller.size(GROUP)).isEqualTo(3);
        assertThat(harness.controller.inspectGroups().get(0).properties().node().at("/Allocation/Size").asInt())
                .isEqualTo(3);
        harness.polls(2);
        assertThat(harness.alive()).extracting(i -> i.id().value()).containsExactly("fake-2", "fake-3", "fake-4");
    }

    @Test
    void setSizeCommitsTheNewSize() {
        harness.controller.commitGroup(Specs.cattle(2).spec(), false);
        harness.converge();
        harness.controller.setSize(GROUP, 4);
        harness.converge();
        assertThat(harness.controller.size(GROUP)).isEqualTo(4);
        assertThat(harness.alive()).hasSize(4);
    }

    @Test
    void petsHaveNoSettableSize() {
        harness.controller.commitGroup(Specs.pets("a", "b").spec(), false);
        assertThat(harness.controller.size(GROUP)).isEqualTo(2);
        assertThatThrownBy(() -> harness.controller.setSize(GROUP, 3))
                .hasMessage("cannot set size if logic ids are explicitly set");
    }

    @Test
    void aPausedRolloutHoldsAndResumes() {
        harness.controller.commitGroup(Specs.cattle(3).spec(), false);
        harness.converge();
        harness.controller.pause(GROUP);
        harness.controller.commitGroup(Specs.cattle(3).instance("data2").spec(), false);
        harness.polls(3);

        GroupStatus paused = harness.controller.status(GROUP);
        assertThat(paused.phase()).isEqualTo(GroupPhase.PAUSED);
        assertThat(paused.paused()).isTrue();
        assertThat(harness.instances.provisioned()).hasSize(3);

        harness.controller.resume(GROUP);
        harness.converge();
        assertThat(harness.aliveWithHash(hash(Specs.cattle(3).instance("data2")))).isEqualTo(3);
    }

    @Test
    void aBlockedRolloutExplainsWhatItWaitsFor() {
        harness.controller.commitGroup(Specs.cattle(3).spec(), false);
        harness.converge();
        Specs broken = Specs.cattle(3).instance("broken");
        harness.flavor.health(i -> i.tags().get(Tags.CONFIG_HASH).equals(hash(broken)) ? Health.UNKNOWN : Health.HEALTHY);
        harness.controller.commitGroup(broken.spec(), false);
        harness.settle();
        harness.scheduler.advance(Duration.ofSeconds(130));

        GroupStatus status = harness.controller.status(GROUP);
        assertThat(status.phase()).isEqualTo(GroupPhase.ROLLING_OUT);
        assertThat(status.reason()).isEqualTo("waiting for fake-4 to become healthy: 2m10s of 10m");
        assertThat(status.currentHash()).isEqualTo(hash(Specs.cattle(3)));
        assertThat(status.targetHash()).isEqualTo(hash(broken));
        assertThat(status).extracting(GroupStatus::desired, GroupStatus::current, GroupStatus::updated,
                GroupStatus::healthy, GroupStatus::unavailable).containsExactly(3, 4, 1, 3, 0);
        assertThat(harness.controller.describeGroup(GROUP).converged()).isFalse();

        harness.scheduler.advance(Duration.ofMinutes(9));
        assertThat(harness.controller.status(GROUP).phase()).isEqualTo(GroupPhase.FAILED);
        assertThat(harness.controller.status(GROUP).reason())
                .isEqualTo("rollout failed: fake-4 did not become healthy within 10m");
        assertThat(harness.instances.destroyed()).as("a failed rollout gives its surge back").containsExactly(
                io.infrakit.spi.instance.InstanceId.of("fake-4"));
        assertThat(harness.aliveWithHash(hash(Specs.cattle(3)))).isEqualTo(3);
        assertThat(harness.controller.status(GROUP).converged()).isTrue();
    }

    @Test
    void aRolloutThatNeverGetsHealthyStopsAtTheFirstBatchAndRollsBackAutomatically() {
        Map<String, Object> rules = Map.of("AutoRollback", true, "HealthyDeadline", "2m");
        Specs good = Specs.cattle(3).updating(rules);
        harness.controller.commitGroup(good.spec(), false);
        harness.converge();
        Specs broken = Specs.cattle(3).instance("broken").updating(rules);
        harness.flavor.health(i -> i.tags().get(Tags.CONFIG_HASH).equals(hash(broken)) ? Health.UNHEALTHY : Health.HEALTHY);
        harness.controller.commitGroup(broken.spec(), false);
        harness.scheduler.advance(Duration.ofSeconds(90));
        assertThat(harness.aliveWithHash(hash(broken))).as("one batch: MaxSurge 1").isEqualTo(1);
        assertThat(harness.instances.destroyed()).isEmpty();

        harness.converge();

        GroupStatus status = harness.controller.status(GROUP);
        assertThat(status.phase()).isEqualTo(GroupPhase.CONVERGED);
        assertThat(status.reason()).isEqualTo("rolled back: rolling back to " + hash(good)
                + ": fake-4 did not become healthy within 2m");
        assertThat(status.currentHash()).isEqualTo(hash(good));
        assertThat(status.healthy()).isEqualTo(3);
        assertThat(harness.alive()).hasSize(3).allSatisfy(i ->
                assertThat(i.tags()).containsEntry(Tags.CONFIG_HASH, hash(good)));
        assertThat(harness.instances.destroyed()).containsExactly(InstanceId.of("fake-4"));
        assertThat(harness.faults.mostAlive()).isLessThanOrEqualTo(4);
    }

    @Test
    void surgeBatchesReplaceSeveralAtOnce() {
        Map<String, Object> rules = Map.of("MaxSurge", "50%");
        harness.controller.commitGroup(Specs.cattle(4).updating(rules).spec(), false);
        harness.converge();
        harness.controller.commitGroup(Specs.cattle(4).instance("data2").updating(rules).spec(), false);
        harness.converge();
        assertThat(harness.aliveWithHash(hash(Specs.cattle(4).instance("data2")))).isEqualTo(4);
        assertThat(harness.faults.mostAlive()).isEqualTo(6);
    }

    @Test
    void provisionsSlowerThanThePollIntervalNeverOverProvision() {
        harness.close();
        harness = new Harness(ControllerSettings.defaults(),
                scheduler -> task -> scheduler.schedule(task, 25, TimeUnit.SECONDS));
        harness.controller.commitGroup(Specs.cattle(5).spec(), false);
        harness.scheduler.advance(Duration.ofSeconds(15));
        assertThat(harness.alive()).isEmpty();
        assertThat(harness.controller.status(GROUP).reason()).isEqualTo("0 of 5 instances, 5 being provisioned");
        harness.converge();
        assertThat(harness.alive()).hasSize(5);
        assertThat(harness.instances.provisioned()).hasSize(5);
    }

    @Test
    void describeListsTheMembersSortedByIdAndTellsConvergence() {
        harness.controller.commitGroup(Specs.cattle(2).spec(), false);
        assertThat(harness.controller.describeGroup(GROUP).converged()).isFalse();
        harness.converge();
        assertThat(harness.controller.describeGroup(GROUP).instances()).extracting(InstanceDescription::id)
                .containsExactly(InstanceId.of("fake-1"), InstanceId.of("fake-2"));
        assertThat(harness.controller.describeGroup(GROUP).converged()).isTrue();
    }

    @Test
    void theProviderReadsItsSettingsFromTheEnvironment() {
        ControllerSettings settings = ControllerSettings.fromEnvironment(Map.of(
                ControllerSettings.POLL_INTERVAL, "500ms", ControllerSettings.MAX_PARALLEL, "4",
                ControllerSettings.SELF_LOGICAL_ID, "one"));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.maxParallel()).isEqualTo(4);
        assertThat(settings.self().value()).isEqualTo("one");
        assertThat(ControllerSettings.fromEnvironment(Map.of())).isEqualTo(ControllerSettings.defaults());
        assertThatThrownBy(() -> ControllerSettings.fromEnvironment(Map.of(ControllerSettings.POLL_INTERVAL, "often")))
                .hasMessageStartingWith("INFRAKIT_GROUP_POLL_INTERVAL: invalid duration \"often\"");
    }
}
