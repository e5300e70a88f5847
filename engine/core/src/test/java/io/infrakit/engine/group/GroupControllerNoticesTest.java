package io.infrakit.engine.group;

import io.infrakit.engine.group.simulation.VirtualClock;
import io.infrakit.engine.group.simulation.VirtualScheduler;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.testkit.FakeInstancePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.infrakit.engine.group.Specs.GROUP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group whose instance plugin tells of changes is reconciled as soon as it is told, in clock time that does not
 * move; the poll stays the resync for what nobody tells. The subscription lives as long as the group is managed.
 */
class GroupControllerNoticesTest {

    final VirtualClock clock = new VirtualClock(Harness.START);
    final VirtualScheduler scheduler = new VirtualScheduler(clock);
    final NoticingInstances instances = new NoticingInstances(new FakeInstancePlugin("fake"));
    final NoticingInstances other = new NoticingInstances(new FakeInstancePlugin("other"));
    final DefaultGroupController controller = new DefaultGroupController(
            new MapLookup().instance("fake", instances).instance("other", other).flavor("test", new TestFlavor()),
            clock, scheduler, ControllerSettings.defaults());

    @AfterEach
    void close() {
        controller.close();
    }

    @Test
    void aToldDeathIsReplacedAtOnceWithoutWaitingForThePoll() {
        controller.commitGroup(Specs.cattle(3).spec(), false);
        scheduler.runUntilIdle();
        InstanceId dead = alive().get(0).id();

        instances.kill(dead);
        scheduler.runUntilIdle();

        assertThat(clock.instant()).isEqualTo(Harness.START);
        assertThat(alive()).hasSize(3).extracting(InstanceDescription::id).doesNotContain(dead);
        assertThat(controller.status(GROUP).converged()).isTrue();
    }

    @Test
    void anUntoldDeathWaitsForThePoll() {
        controller.commitGroup(Specs.cattle(3).spec(), false);
        scheduler.runUntilIdle();

        instances.fake.kill(alive().get(0).id());
        scheduler.runUntilIdle();
        assertThat(alive()).hasSize(2);

        scheduler.advance(ControllerSettings.DEFAULT_POLL_INTERVAL);
        assertThat(alive()).hasSize(3);
    }

    @Test
    void manyNoticesAtOnceReconcileOnceAndProvisionEachReplacementOnce() {
        controller.commitGroup(Specs.cattle(3).spec(), false);
        scheduler.runUntilIdle();
        int provisionsBefore = instances.fake.provisioned().size();

        for (InstanceDescription member : alive()) {
            instances.kill(member.id());
        }
        scheduler.runUntilIdle();

        assertThat(alive()).hasSize(3);
        assertThat(instances.fake.provisioned()).hasSize(provisionsBefore + 3);
    }

    @Test
    void theGroupListensToTheInstancePluginItsLastCommitNames() {
        controller.commitGroup(Specs.cattle(1).spec(), false);
        assertThat(instances.subscribers()).isEqualTo(1);

        controller.commitGroup(Specs.cattle(2).spec(), false);
        assertThat(instances.subscribers()).isEqualTo(1);

        controller.commitGroup(Specs.cattle(2).on("other").spec(), false);
        assertThat(instances.subscribers()).isZero();
        assertThat(other.subscribers()).isEqualTo(1);
    }

    @Test
    void aPretendCommitSubscribesNothing() {
        controller.commitGroup(Specs.cattle(1).spec(), true);

        assertThat(instances.subscribers()).isZero();
    }

    @Test
    void freeingTheGroupEndsItsSubscription() {
        controller.commitGroup(Specs.cattle(1).spec(), false);

        controller.freeGroup(GROUP);

        assertThat(instances.subscribers()).isZero();
    }

    @Test
    void destroyingTheGroupEndsItsSubscriptionOnceItIsGone() {
        controller.commitGroup(Specs.cattle(2).spec(), false);
        scheduler.runUntilIdle();

        controller.destroyGroup(GROUP);
        scheduler.runUntilIdle();

        assertThat(alive()).isEmpty();
        assertThat(controller.inspectGroups()).isEmpty();
        assertThat(instances.subscribers()).isZero();
    }

    @Test
    void closingTheControllerEndsEverySubscription() {
        controller.commitGroup(Specs.cattle(1).spec(), false);

        controller.close();

        assertThat(instances.subscribers()).isZero();
    }

    private List<InstanceDescription> alive() {
        return instances.fake.instances();
    }
}
