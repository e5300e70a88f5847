package io.infrakit.cli.group;

import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ConvergenceWaitTest;
import io.infrakit.cli.OutputFormat;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.Revision;
import io.infrakit.spi.group.RolloutControl;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What `group history`, `group rollback`, `group watch` and `group describe` print. */
class GroupRevisionCommandsTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CliEnvironment cli = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), Map.of(),
            false);

    @Test
    void historyIsATableNewestFirstWithTheTargetMarked() {
        List<Revision> revisions = List.of(
                new Revision("bbb", Instant.parse("2026-01-02T03:04:05.678Z"), "Performing a rolling update on 5 instances",
                        false, true),
                new Revision("aaa", Instant.parse("2026-01-01T00:00:00Z"), "Managing 5 instances", true, false));

        assertThat(GroupHistoryCommand.table(revisions)).isEqualTo("""
                REVISION  COMMITTED             HEALTHY  PLAN
                * bbb     2026-01-02T03:04:05Z  no       Performing a rolling update on 5 instances
                  aaa     2026-01-01T00:00:00Z  yes      Managing 5 instances
                """);
    }

    @Test
    void rollbackSaysWhereTheGroupGoes() {
        assertThat(GroupRollbackCommand.message("web", new Revision("aaa", Instant.EPOCH, "", true, true)))
                .isEqualTo("Rolling back web to revision aaa");
        assertThat(GroupRollbackCommand.message("web", new Revision("ccc", Instant.EPOCH, "", false, true)))
                .isEqualTo("Rolling web out to revision ccc (never proven healthy: health gates apply)");
    }

    @Test
    void watchPrintsOnlyNewEventsOnceEachAndStopsWhenTheGroupConverged() {
        ScriptedEvents rollouts = new ScriptedEvents();
        rollouts.add(event(1, "Committed", "", "committed config bbb: Performing a rolling update on 1 instances"));
        int[] pauses = {0};

        new EventWatch(cli, rollouts, GroupId.of("web"), OutputFormat.text, () -> {
            pauses[0]++;
            if (pauses[0] == 1) {
                rollouts.add(event(2, "Provisioned", "i-2", "provisioned i-2 with config bbb"));
                rollouts.add(event(3, "Healthy", "i-2", "i-2 is healthy"));
            } else {
                rollouts.add(event(4, "Converged", "", "1 instance on config bbb"));
                rollouts.converged = true;
            }
        }).run(false, true);

        assertThat(out.toString()).isEqualTo("""
                1970-01-01T00:00:02Z  Provisioned  i-2  provisioned i-2 with config bbb
                1970-01-01T00:00:03Z  Healthy  i-2  i-2 is healthy
                1970-01-01T00:00:04Z  Converged  1 instance on config bbb
                """);
        assertThat(rollouts.asked).containsExactly(0L, 1L, 1L, 3L);
    }

    @Test
    void watchAsJsonPrintsOneObjectPerLineAndAllKeptEventsWhenAsked() {
        ScriptedEvents rollouts = new ScriptedEvents();
        rollouts.add(event(1, "Committed", "", "committed"));
        rollouts.converged = true;

        new EventWatch(cli, rollouts, GroupId.of("web"), OutputFormat.json, () -> { }).run(true, true);

        assertThat(out.toString()).isEqualTo("{\"Sequence\":1,\"Time\":\"1970-01-01T00:00:01Z\",\"Type\":\"Committed\","
                + "\"Instance\":\"\",\"Message\":\"committed\"}\n");
    }

    @Test
    void watchingAGroupThatHasAlreadyConvergedSaysSoInOneLine() {
        ScriptedEvents rollouts = new ScriptedEvents();
        rollouts.add(event(1, "Converged", "", "3 instances on config bbb"));
        rollouts.converged = true;

        new EventWatch(cli, rollouts, GroupId.of("web"), OutputFormat.text, () -> { }).run(false, true);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("infrakit: group web has already converged\n");
    }

    @Test
    void describeShowsTheEta() {
        GroupStatus status = new GroupStatus(GroupId.of("web"), GroupPhase.ROLLING_OUT, 5, 6, 2, 5, 0, "a", "b",
                "replacing stale instances: 2 of 5 updated", "", false, false, Instant.EPOCH)
                .withEta(Duration.ofSeconds(130));

        assertThat(GroupDescribeCommand.summary(status)).isEqualTo("""
                group web: RollingOut, desired 5, current 6, updated 2, healthy 5, unavailable 0
                  config: a -> b
                  replacing stale instances: 2 of 5 updated
                  eta: 2m10s""");
    }

    static GroupEvent event(long sequence, String type, String instance, String message) {
        return new GroupEvent(sequence, Instant.EPOCH.plusSeconds(sequence), type, instance, message);
    }

    /** Events appended by the test; status converged when the test says so. */
    static final class ScriptedEvents implements RolloutControl {
        final List<GroupEvent> events = new ArrayList<>();
        final List<Long> asked = new ArrayList<>();
        boolean converged;

        void add(GroupEvent event) {
            events.add(event);
        }

        @Override
        public List<GroupEvent> events(GroupId id, long afterSequence) {
            asked.add(afterSequence);
            return events.stream().filter(event -> event.sequence() > afterSequence).toList();
        }

        @Override
        public GroupStatus status(GroupId id) {
            return converged ? ConvergenceWaitTest.converged() : ConvergenceWaitTest.status(GroupPhase.ROLLING_OUT,
                    5, 2, "");
        }

        @Override
        public void pause(GroupId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resume(GroupId id) {
            throw new UnsupportedOperationException();
        }
    }
}
