package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.Revision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.infrakit.engine.group.Specs.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Revisions, rollback and events of the controller, on a manual clock. */
class GroupControllerRevisionsTest {

    final Harness harness = new Harness();
    final Specs v1 = Specs.cattle(3);
    final Specs v2 = Specs.cattle(3).instance("data2");
    final Specs v3 = Specs.cattle(3).instance("data3");

    @AfterEach
    void close() {
        harness.close();
    }

    static String hash(Specs specs) {
        return GroupPropertiesParser.parse(specs.spec().properties()).configHash();
    }

    private void commitAndConverge(Specs specs) {
        harness.controller.commitGroup(specs.spec(), false);
        harness.converge();
    }

    @Test
    void historyListsEveryRevisionNewestFirstWithItsPlanAndWhetherItWasProvenHealthy() {
        commitAndConverge(v1);
        harness.controller.commitGroup(v2.spec(), false);

        List<Revision> during = harness.controller.history(GROUP);
        assertThat(during).extracting(Revision::id).containsExactly(hash(v2), hash(v1));
        assertThat(during).extracting(Revision::provenHealthy).containsExactly(false, true);
        assertThat(during).extracting(Revision::target).containsExactly(true, false);
        assertThat(during).extracting(Revision::plan)
                .containsExactly("Performing a rolling update on 3 instances", "Managing 3 instances");
        assertThat(during.get(1).committedAt()).isBefore(during.get(0).committedAt().plusNanos(1));

        harness.converge();
        assertThat(harness.controller.history(GROUP)).extracting(Revision::provenHealthy).containsExactly(true, true);
    }

    @Test
    void rollbackReturnsToTheLastProvenRevisionAndARecommitDoesNotUndoIt() {
        commitAndConverge(v1);
        commitAndConverge(v2);

        Revision target = harness.controller.rollback(GROUP, Optional.empty());
        harness.converge();

        assertThat(target.id()).isEqualTo(hash(v1));
        assertThat(harness.alive()).hasSize(3).allSatisfy(i ->
                assertThat(i.tags()).containsEntry(Tags.CONFIG_HASH, hash(v1)));
        GroupStatus status = harness.controller.status(GROUP);
        assertThat(status.phase()).isEqualTo(GroupPhase.CONVERGED);
        assertThat(status.reason()).isEqualTo("rolled back: rolling back to " + hash(v1) + ": requested by the user");
        assertThat(harness.controller.history(GROUP)).extracting(Revision::id, Revision::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hash(v1), true),
                        org.assertj.core.groups.Tuple.tuple(hash(v2), false));

        // The manager commits the stored spec again whenever it starts: that must not roll v2 out again.
        commitAndConverge(v2);
        harness.polls(3);
        assertThat(harness.aliveWithHash(hash(v1))).isEqualTo(3);
    }

    @Test
    void rollbackToANamedRevisionAcceptsAnUnambiguousPrefix() {
        commitAndConverge(v1);
        commitAndConverge(v2);
        commitAndConverge(v3);

        Revision target = harness.controller.rollback(GROUP, Optional.of(hash(v1).substring(0, 8)));
        harness.converge();

        assertThat(target.id()).isEqualTo(hash(v1));
        assertThat(harness.aliveWithHash(hash(v1))).isEqualTo(3);
        assertThat(harness.alive()).hasSize(3);
        assertThatThrownBy(() -> harness.controller.rollback(GROUP, Optional.of("zzz")))
                .as("a revision that does not exist is the user's mistake, told with the revisions there are")
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Group 'testGroup' has no revision 'zzz'; its revisions: " + hash(v1) + ", " + hash(v3)
                        + ", " + hash(v2));
    }

    @Test
    void withoutAnotherProvenRevisionThereIsNothingToRollBackTo() {
        commitAndConverge(v1);

        assertThatThrownBy(() -> harness.controller.rollback(GROUP, Optional.empty()))
                .hasMessage("Group 'testGroup' has no revision proven healthy to roll back to");
    }

    @Test
    void autoRollbackEndsOnThePreviousRevisionAllHealthyAndHistoryShowsBoth() {
        Map<String, Object> rules = Map.of("AutoRollback", true, "HealthyDeadline", "2m");
        Specs good = Specs.cattle(3).updating(rules);
        Specs broken = Specs.cattle(3).instance("broken").updating(rules);
        commitAndConverge(good);
        harness.flavor.health(i -> hash(broken).equals(i.tags().get(Tags.CONFIG_HASH)) ? Health.UNHEALTHY
                : Health.HEALTHY);
        commitAndConverge(broken);

        assertThat(harness.alive()).hasSize(3).allSatisfy(i ->
                assertThat(i.tags()).containsEntry(Tags.CONFIG_HASH, hash(good)));
        assertThat(harness.controller.status(GROUP).healthy()).isEqualTo(3);
        assertThat(harness.controller.history(GROUP))
                .extracting(Revision::id, Revision::provenHealthy, Revision::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hash(broken), false, false),
                        org.assertj.core.groups.Tuple.tuple(hash(good), true, true));
        assertThat(harness.controller.events(GROUP, 0)).extracting(GroupEvent::type)
                .containsSubsequence("Committed", "RolloutStarted", "Provisioned", "RollbackStarted", "Destroyed",
                        "RolledBack", "Converged");
    }

    @Test
    void eventsComeInOrderNumberedAndWithoutTheSpecsProperties() {
        Specs secret = Specs.cattle(2).instance("s3cret-token");
        harness.controller.commitGroup(secret.spec(), false);
        harness.converge();
        harness.controller.commitGroup(Specs.cattle(2).instance("other-s3cret").spec(), false);
        harness.converge();

        List<GroupEvent> events = harness.controller.events(GROUP, 0);
        assertThat(events).extracting(GroupEvent::type).containsSubsequence("Committed", "Provisioned",
                "Provisioned", "Healthy", "Healthy", "Converged", "Committed", "RolloutStarted", "Provisioned",
                "RolloutStep", "Drained", "Destroyed", "RolloutCompleted", "Converged");
        assertThat(events).extracting(GroupEvent::sequence)
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events).allSatisfy(event -> assertThat(event.message()).doesNotContain("s3cret"));
        assertThat(events).filteredOn(e -> e.type().equals("Provisioned")).first()
                .satisfies(e -> assertThat(e.instance()).isEqualTo("fake-1"));

        assertThat(harness.controller.events(GROUP, 5)).extracting(GroupEvent::sequence).first().isEqualTo(6L);
        assertThat(harness.controller.events(GROUP, events.size())).isEmpty();
    }

    @Test
    void theStatusEstimatesTheTimeLeftFromWhatItMeasured() {
        try (Harness slow = new Harness(ControllerSettings.defaults(),
                scheduler -> task -> scheduler.schedule(task, 20, java.util.concurrent.TimeUnit.SECONDS))) {
            slow.controller.commitGroup(v1.spec(), false);
            slow.settle();
            assertThat(slow.controller.status(GROUP).eta()).as("nothing measured yet").isNull();
            slow.converge();
            assertThat(slow.controller.status(GROUP).eta()).as("converged").isNull();

            slow.controller.commitGroup(v2.spec(), false);
            slow.scheduler.advance(Duration.ofSeconds(5));
            GroupStatus rolling = slow.controller.status(GROUP);
            assertThat(rolling.phase()).isEqualTo(GroupPhase.ROLLING_OUT);
            // three replacements one at a time (MaxSurge 1), each a provision of about 20 s
            assertThat(rolling.eta()).isBetween(Duration.ofSeconds(40), Duration.ofSeconds(90));
        }
    }
}
