package io.infrakit.engine.group;

import io.infrakit.engine.group.simulation.VirtualClock;
import io.infrakit.engine.group.simulation.VirtualScheduler;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.testkit.FakeInstancePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.infrakit.engine.group.Specs.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group whose flavor plugin tells that health may have changed (a swarm node going down, say) is judged again as
 * soon as it is told, in clock time that does not move; the poll stays the resync for what nobody tells. The
 * subscription is for the flavor properties the last commit names, and lives as long as the group is managed.
 */
class GroupControllerFlavorNoticesTest {

    final VirtualClock clock = new VirtualClock(Harness.START);
    final VirtualScheduler scheduler = new VirtualScheduler(clock);
    final FakeInstancePlugin instances = new FakeInstancePlugin("fake");
    final NoticingFlavor flavor = new NoticingFlavor();
    final DefaultGroupController controller = new DefaultGroupController(
            new MapLookup().instance("fake", instances).flavor("test", flavor), clock, scheduler,
            ControllerSettings.defaults());

    @AfterEach
    void close() {
        controller.close();
    }

    @Test
    void aToldChangeOfHealthIsSeenAtOnceWithoutWaitingForThePoll() {
        controller.commitGroup(Specs.cattle(3).spec(), false);
        scheduler.runUntilIdle();
        assertThat(controller.status(GROUP).healthy()).isEqualTo(3);
        InstanceId sick = instances.instances().get(0).id();

        flavor.flavor.health(instance -> instance.id().equals(sick) ? Health.UNHEALTHY : Health.HEALTHY);
        flavor.tell();
        scheduler.runUntilIdle();

        assertThat(clock.instant()).isEqualTo(Harness.START);
        assertThat(controller.status(GROUP).healthy()).isEqualTo(2);
    }

    @Test
    void anUntoldChangeOfHealthWaitsForThePoll() {
        controller.commitGroup(Specs.cattle(3).spec(), false);
        scheduler.runUntilIdle();
        InstanceId sick = instances.instances().get(0).id();

        flavor.flavor.health(instance -> instance.id().equals(sick) ? Health.UNHEALTHY : Health.HEALTHY);
        scheduler.runUntilIdle();
        assertThat(controller.status(GROUP).healthy()).isEqualTo(3);

        scheduler.advance(ControllerSettings.DEFAULT_POLL_INTERVAL);
        assertThat(controller.status(GROUP).healthy()).isEqualTo(2);
    }

    @Test
    void aToldChangeJudgesEveryMemberAgainOnce() {
        controller.commitGroup(Specs.cattle(3).spec(), false);
        scheduler.runUntilIdle();
        InstanceId member = instances.instances().get(0).id();
        int checksBefore = flavor.flavor.healthChecks(member);

        flavor.tell();
        flavor.tell();
        flavor.tell();
        scheduler.runUntilIdle();

        assertThat(flavor.flavor.healthChecks(member) - checksBefore).as("three notices, one look").isEqualTo(1);
    }

    @Test
    void theGroupListensWithTheFlavorPropertiesItsLastCommitNames() {
        controller.commitGroup(Specs.cattle(1).init("one").spec(), false);
        assertThat(flavor.subscribed()).singleElement()
                .satisfies(properties -> assertThat(properties.node().path("Init").asText()).isEqualTo("one"));

        controller.commitGroup(Specs.cattle(2).init("one").spec(), false);
        assertThat(flavor.subscribed()).hasSize(1);

        controller.commitGroup(Specs.cattle(2).init("two").spec(), false);
        assertThat(flavor.subscribed()).singleElement()
                .satisfies(properties -> assertThat(properties.node().path("Init").asText()).isEqualTo("two"));
    }

    @Test
    void aPretendCommitSubscribesNothing() {
        controller.commitGroup(Specs.cattle(1).spec(), true);

        assertThat(flavor.subscribed()).isEmpty();
    }

    @Test
    void freeingTheGroupOrClosingTheControllerEndsItsSubscription() {
        controller.commitGroup(Specs.cattle(1).spec(), false);
        controller.freeGroup(GROUP);
        assertThat(flavor.subscribed()).isEmpty();

        controller.commitGroup(Specs.cattle(1).spec(), false);
        controller.close();
        assertThat(flavor.subscribed()).isEmpty();
    }
}
