package io.infrakit.engine.group;

import io.infrakit.engine.group.simulation.VirtualClock;
import io.infrakit.engine.group.simulation.VirtualScheduler;
import io.infrakit.spi.Any;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.SpecText;
import io.infrakit.spi.controller.Controller;
import io.infrakit.spi.controller.ManagedObject;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import io.infrakit.spi.controller.Operation;
import io.infrakit.spi.controller.PlannedChange;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.testkit.FakeInstancePlugin;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * InfraKit scenario 39 (docs/scenarios.md; docs/protocol.md, "Groups as controllers"): the group controller as a
 * {@code Controller/0.1.1}, with InfraKit's {@code workers} spec (a swarm flavor, an aws/ec2-instance instance), run
 * by the real controller in virtual time.
 */
class GroupAsControllerTest {

    static final GroupId WORKERS = GroupId.of("workers");
    static final Duration POLL = Duration.ofSeconds(10);

    final VirtualClock clock = new VirtualClock(Harness.START);
    final VirtualScheduler scheduler = new VirtualScheduler(clock);
    final FakeInstancePlugin instances = new FakeInstancePlugin("h");
    final DefaultGroupController groups = new DefaultGroupController(
            new MapLookup().instance("aws/ec2-instance", instances).flavor("swarm", new ScriptedFlavorPlugin()),
            clock, scheduler, ControllerSettings.defaults().withPollInterval(POLL));
    final Controller controller = GroupAsController.generic("group", groups);

    @AfterEach
    void close() {
        groups.close();
    }

    /** InfraKit's controller_test.go spec, with the allocation a real commit needs. */
    static ObjectSpec workers(String name) {
        return workers(name, 2);
    }

    static ObjectSpec workers(String name, int size) {
        return SpecText.read("workers.yml", """
                kind: group
                version: Group/1.0
                metadata:
                  name: %s
                properties:
                  Allocation:
                    Size: %d
                  Flavor:
                    Plugin: swarm
                    Properties:
                        docker: /var/run/docker.sock
                  Instance:
                    Plugin: aws/ec2-instance
                    Properties:
                        type: xlarge
                """.formatted(name, size), ObjectSpec.class);
    }

    private void settle() {
        scheduler.advanceUntil(() -> groups.status(WORKERS).converged() && instances.instances().size() == 2, POLL,
                Duration.ofHours(1));
    }

    @Test
    void scenario39_theWorkersSpecRoundTripsVerbatimThroughCommitDescribeAndFree() {
        ObjectSpec spec = workers("workers");

        ManagedObject committed = controller.commit(Operation.ENFORCE, spec);
        settle();

        GroupSpec managed = groups.inspectGroups().get(0);
        assertThat(managed.id()).isEqualTo(WORKERS);
        assertThat(managed.properties()).isEqualTo(spec.properties());
        assertThat(managed.properties().node().at("/Flavor/Properties/docker").asText())
                .isEqualTo("/var/run/docker.sock");
        assertThat(managed.properties().node().at("/Instance/Properties/type").asText()).isEqualTo("xlarge");
        assertThat(committed.spec().properties()).isEqualTo(spec.properties());

        List<ManagedObject> all = controller.describe(Metadata.ANY);
        assertThat(all).singleElement().satisfies(object -> {
            assertThat(object.spec().kind()).isEqualTo("group");
            assertThat(object.spec().version()).isEqualTo("Group/0.1.1");
            assertThat(object.spec().metadata()).isEqualTo(new Metadata("workers", "group/workers", Map.of()));
            assertThat(object.spec().properties()).isEqualTo(spec.properties());
            GroupDescription state = object.state().decode(GroupDescription.class);
            assertThat(state.instances()).extracting(InstanceDescription::id)
                    .containsExactlyElementsOf(instances.instances().stream().map(InstanceDescription::id).toList());
            assertThat(state.converged()).isTrue();
        });
        assertThat(controller.describe(Metadata.named("workers"))).isEqualTo(all);
        assertThat(controller.describe(Metadata.named("group/workers"))).isEqualTo(all);
        assertThat(controller.describe(Metadata.named("others"))).isEmpty();

        List<ManagedObject> freed = controller.free(Metadata.named("workers"));

        assertThat(freed).isEqualTo(all);
        assertThat(groups.inspectGroups()).isEmpty();
        assertThat(controller.describe(Metadata.ANY)).isEmpty();
        assertThat(instances.instances()).as("free leaves the instances alone").hasSize(2);

        controller.commit(Operation.ENFORCE, spec);
        assertThat(controller.describe(Metadata.ANY)).extracting(object -> object.spec().properties())
                .as("committing again resumes").containsExactly(spec.properties());
    }

    @Test
    void planTellsWhatACommitWouldDoAndDoesNothing() {
        PlannedChange fresh = controller.plan(Operation.ENFORCE, workers("group/workers"));

        assertThat(fresh.plan().messages()).containsExactly("Managing 2 instances");
        assertThat(fresh.object().spec().metadata().id()).isEqualTo("workers");
        assertThat(fresh.object().spec().properties()).isEqualTo(workers("x").properties());
        assertThat(groups.inspectGroups()).isEmpty();

        controller.commit(Operation.ENFORCE, workers("workers"));
        settle();
        PlannedChange grow = controller.plan(Operation.ENFORCE, workers("workers", 5));

        assertThat(grow.plan().messages()).containsExactly("Adding 3 instances to increase the group size to 5");
        assertThat(grow.object().state().decode(GroupDescription.class).instances()).hasSize(2);
        assertThat(groups.size(WORKERS)).isEqualTo(2);
        assertThat(controller.plan(Operation.DESTROY, ObjectSpec.of("group", "", Metadata.named("workers"),
                Any.empty())).plan().messages()).containsExactly("Destroying group workers and its 2 instances");
        assertThat(groups.inspectGroups()).hasSize(1);
    }

    @Test
    void destroyNeedsOnlyTheMetadataAndReturnsTheObjectAsItWas() {
        controller.commit(Operation.ENFORCE, workers("workers"));
        settle();

        ManagedObject last = controller.commit(Operation.DESTROY,
                ObjectSpec.of("group", "", new Metadata("workers", "", Map.of()), Any.empty()));

        assertThat(last.spec().properties()).isEqualTo(workers("workers").properties());
        assertThat(last.state().decode(GroupDescription.class).instances()).hasSize(2);
        assertThat(instances.instances()).isEmpty();
        assertThat(groups.inspectGroups()).isEmpty();
        assertThatThrownBy(() -> controller.commit(Operation.DESTROY, workers("workers")))
                .isInstanceOf(InfrakitException.class).hasMessage("Group 'workers' is not being watched");
        assertThatThrownBy(() -> controller.plan(Operation.DESTROY, workers("workers")))
                .hasMessage("Group 'workers' is not being watched");
    }

    @Test
    void aScopedControllerServesItsGroupOnlyAndTheGenericOneNeedsAName() {
        Controller scoped = GroupAsController.scoped("group", WORKERS, groups);
        groups.commitGroup(new GroupSpec(GroupId.of("others"), workers("others").properties()), false);

        assertThatThrownBy(() -> scoped.commit(Operation.ENFORCE, workers("group/others")))
                .isInstanceOf(InvalidSpecException.class).hasMessage("wrong group: instance=others scope=workers");
        assertThatThrownBy(() -> controller.commit(Operation.ENFORCE, workers("")))
                .isInstanceOf(InvalidSpecException.class).hasMessage("no group name");
        assertThat(scoped.describe(Metadata.ANY)).isEmpty();

        scoped.commit(Operation.ENFORCE, workers("group/workers"));

        assertThat(scoped.describe(Metadata.ANY)).extracting(object -> object.spec().metadata().id())
                .containsExactly("workers");
        assertThat(controller.describe(Metadata.ANY)).extracting(object -> object.spec().metadata().name())
                .containsExactly("group/others", "group/workers");
        assertThat(GroupAsController.byType("group", groups)).containsOnlyKeys("groups", "others", "workers");
    }
}
