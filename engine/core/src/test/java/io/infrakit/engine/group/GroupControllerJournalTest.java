package io.infrakit.engine.group;

import io.infrakit.engine.group.simulation.VirtualClock;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Tags;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.Revision;
import io.infrakit.testkit.FakeInstancePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.infrakit.engine.group.GroupControllerRevisionsTest.hash;
import static io.infrakit.engine.group.Specs.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rollout journal across a restart: a second controller over the same instances and the same home, committed
 * the stored spec twice as the manager does, goes on where the first one stood.
 */
class GroupControllerJournalTest {

    @TempDir
    Path configs;

    final FakeInstancePlugin instances = new FakeInstancePlugin("fake");
    final TestFlavor flavor = new TestFlavor();
    Harness first;
    Harness second;

    @AfterEach
    void close() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private Harness controller() {
        VirtualClock clock = new VirtualClock(first == null ? Harness.START : first.clock.instant());
        return new Harness(new FileJournalStore(configs), clock, instances, flavor);
    }

    /** The first controller dies at once (nothing more runs); the second one starts as the manager does. */
    private void restart(Specs stored) {
        first.close();
        second = controller();
        second.controller.commitGroup(stored.spec(), false);
        second.controller.commitGroup(stored.spec(), false);
    }

    @Test
    void aRolloutCutShortGoesOnAfterARestartWithNoExtraInstanceAndNoneLost() {
        Specs v1 = Specs.cattle(4).updating(Map.of("Count", 2));
        Specs v2 = Specs.cattle(4).instance("data2").updating(Map.of("Count", 2));
        first = controller();
        first.controller.commitGroup(v1.spec(), false);
        first.converge();
        first.polls(1); // with a Count threshold the flavor is asked at polls: this one proves v1 healthy
        first.controller.commitGroup(v2.spec(), false);
        first.scheduler.advanceUntil(() -> first.aliveWithHash(hash(v2)) >= 2, Duration.ofSeconds(1),
                Duration.ofHours(1));
        long updatedBefore = first.aliveWithHash(hash(v2));
        assertThat(updatedBefore).as("in the middle of the rollout").isBetween(1L, 3L);
        int provisionedBefore = instances.provisioned().size();

        restart(v2);
        second.converge();

        assertThat(instances.instances()).hasSize(4).allSatisfy(i ->
                assertThat(i.tags()).containsEntry(Tags.CONFIG_HASH, hash(v2)));
        assertThat(instances.provisioned()).as("only the members still on v1 were replaced")
                .hasSize(provisionedBefore + 4 - (int) updatedBefore);
        assertThat(second.faults.mostAlive()).as("never above size + MaxSurge").isLessThanOrEqualTo(5);
        assertThat(second.controller.history(GROUP)).extracting(Revision::id, Revision::provenHealthy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(hash(v2), true),
                        org.assertj.core.groups.Tuple.tuple(hash(v1), true));
    }

    @Test
    void afterARestartAutoRollbackStillKnowsWhatToFallBackTo() {
        Map<String, Object> rules = Map.of("AutoRollback", true, "HealthyDeadline", "2m");
        Specs good = Specs.cattle(3).updating(rules);
        Specs broken = Specs.cattle(3).instance("broken").updating(rules);
        flavor.health(i -> hash(broken).equals(i.tags().get(Tags.CONFIG_HASH)) ? Health.UNHEALTHY : Health.HEALTHY);
        first = controller();
        first.controller.commitGroup(good.spec(), false);
        first.converge();
        first.controller.commitGroup(broken.spec(), false);
        first.scheduler.advance(Duration.ofSeconds(30));
        assertThat(first.aliveWithHash(hash(broken))).isEqualTo(1);

        restart(broken);
        second.converge();

        assertThat(second.controller.status(GROUP).reason()).startsWith("rolled back: rolling back to " + hash(good));
        assertThat(instances.instances()).hasSize(3).allSatisfy(i ->
                assertThat(i.tags()).containsEntry(Tags.CONFIG_HASH, hash(good)));
    }

    @Test
    void aRollbackUnderWayIsNotUndoneByTheRecommitsOfARestart() {
        Specs v1 = Specs.cattle(3);
        Specs v2 = Specs.cattle(3).instance("data2");
        first = controller();
        first.controller.commitGroup(v1.spec(), false);
        first.converge();
        first.controller.commitGroup(v2.spec(), false);
        first.converge();
        first.controller.rollback(GROUP, Optional.empty());

        restart(v2);
        assertThat(second.controller.status(GROUP).targetHash()).isEqualTo(hash(v1));
        second.converge();

        assertThat(instances.instances()).hasSize(3).allSatisfy(i ->
                assertThat(i.tags()).containsEntry(Tags.CONFIG_HASH, hash(v1)));
        assertThat(second.controller.history(GROUP).get(0).id()).isEqualTo(hash(v1));
    }

    @Test
    void aPauseSurvivesARestart() {
        Specs v1 = Specs.cattle(2);
        Specs v2 = Specs.cattle(2).instance("data2");
        first = controller();
        first.controller.commitGroup(v1.spec(), false);
        first.converge();
        first.controller.pause(GROUP);
        first.controller.commitGroup(v2.spec(), false);

        restart(v2);
        second.polls(3);

        assertThat(second.controller.status(GROUP).phase()).isEqualTo(GroupPhase.PAUSED);
        assertThat(second.aliveWithHash(hash(v1))).isEqualTo(2);
        second.controller.resume(GROUP);
        second.converge();
        assertThat(second.aliveWithHash(hash(v2))).isEqualTo(2);
    }

    @Test
    void theJournalLivesUnderConfigsRevisionsAndGoesWithTheGroup() throws Exception {
        first = controller();
        first.controller.commitGroup(Specs.cattle(1).spec(), false);
        first.converge();
        Path dir = configs.resolve("revisions").resolve("testGroup");
        assertThat(dir.resolve("journal.json")).exists();
        assertThat(dir.resolve(hash(Specs.cattle(1)) + ".json")).exists();
        assertThat(Files.readString(dir.resolve("journal.json"))).contains("\"Committed\" : \"" + hash(Specs.cattle(1)))
                .doesNotContain("fake-1");

        first.controller.freeGroup(GROUP);
        assertThat(dir).doesNotExist();
    }

    @Test
    void groupIdsCannotNameAPathOutsideTheRevisionsDirectory() {
        // A group ID starts with a letter or digit and holds no '/', so '..' and 'a/../../b' are no IDs at all.
        assertThatThrownBy(() -> io.infrakit.spi.group.GroupId.of("..")).isInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> io.infrakit.spi.group.GroupId.of("a/../../b")).isInstanceOf(InvalidSpecException.class);
        FileJournalStore store = new FileJournalStore(configs);
        assertThat(store.dir(io.infrakit.spi.group.GroupId.of("a..b")).getParent()).isEqualTo(configs.resolve("revisions"));
    }
}
