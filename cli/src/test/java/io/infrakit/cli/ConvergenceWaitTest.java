package io.infrakit.cli;

import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.RolloutControl;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class ConvergenceWaitTest {

    final StringWriter out = new StringWriter();
    final CliEnvironment cli = new CliEnvironment(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of(), false);

    @Test
    void printsOneLinePerChangeUntilTheGroupConverges() {
        RolloutControl rollouts = scripted(status(GroupPhase.SCALING, 2, 0, ""), status(GroupPhase.SCALING, 2, 0, ""),
                status(GroupPhase.ROLLING_OUT, 5, 3, "waiting for i-4 to become healthy: 1s of 10m"),
                converged());

        GroupStatus last = new ConvergenceWait(cli, rollouts, GroupId.of("web"), Duration.ofMinutes(1)).await();

        assertThat(last.converged()).isTrue();
        assertThat(out.toString()).isEqualTo("""
                group web: Scaling, 0 of 5 updated, 2 current, all healthy
                group web: RollingOut, 3 of 5 updated, 5 current, all healthy; waiting for i-4 to become healthy: 1s of 10m
                group web: Converged, 5 of 5 updated, 5 current, all healthy
                """);
    }

    @Test
    void aGroupThatDoesNotConvergeInTimeIsExitSixWithTheReason() {
        RolloutControl rollouts = scripted(status(GroupPhase.BLOCKED, 5, 1, "no instance may be taken down"));

        assertThatThrownBy(() -> new ConvergenceWait(cli, rollouts, GroupId.of("web"), Duration.ZERO).await())
                .isInstanceOf(NotConvergedException.class)
                .hasMessage("group web did not converge within 0 ms: Blocked, 1 of 5 updated, all healthy; no instance may be taken down")
                .satisfies(error -> assertThat(ExitCode.of(error)).isEqualTo(6));
    }

    @Test
    void aConvergedGroupWithAnInstanceNotYetHealthyIsWaitedFor() {
        GroupStatus booting = new GroupStatus(GroupId.of("web"), GroupPhase.CONVERGED, 5, 5, 5, 4, 1, "b", "b", "", "",
                false, true, Instant.EPOCH);
        RolloutControl rollouts = scripted(booting, converged());

        GroupStatus last = new ConvergenceWait(cli, rollouts, GroupId.of("web"), Duration.ofMinutes(1)).await();

        assertThat(last.healthy()).isEqualTo(5);
        assertThat(out.toString()).isEqualTo("""
                group web: Converged, 5 of 5 updated, 5 current, 4 healthy
                group web: Converged, 5 of 5 updated, 5 current, all healthy
                """);
    }

    @Test
    void healthIsSaidPlainly() {
        assertThat(ConvergenceWait.line(new GroupStatus(GroupId.of("web"), GroupPhase.CONVERGED, 3, 3, 3, 0, 3, "b",
                "b", "", "", false, true, Instant.EPOCH)))
                .isEqualTo("group web: Converged, 3 of 3 updated, 3 current, none healthy yet");
        assertThat(ConvergenceWait.line(new GroupStatus(GroupId.of("web"), GroupPhase.SCALING, 3, 0, 0, 0, 3, "",
                "b", "waiting for 1 new instance to be provisioned", "", false, false, Instant.EPOCH)))
                .isEqualTo("group web: Scaling, 0 of 3 updated, 0 current; waiting for 1 new instance to be provisioned");
    }

    public static GroupStatus status(GroupPhase phase, int current, int updated, String reason) {
        return new GroupStatus(GroupId.of("web"), phase, 5, current, updated, current, 5 - current, "a", "b", reason,
                "", false, false, Instant.EPOCH);
    }

    public static GroupStatus converged() {
        return new GroupStatus(GroupId.of("web"), GroupPhase.CONVERGED, 5, 5, 5, 5, 0, "b", "b", "", "", false, true,
                Instant.EPOCH);
    }

    /** Answers status with the given statuses in turn, then the last one for ever. */
    static RolloutControl scripted(GroupStatus... statuses) {
        Deque<GroupStatus> queue = new ArrayDeque<>(List.of(statuses));
        return new RolloutControl() {
            @Override
            public GroupStatus status(GroupId id) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }

            @Override
            public void pause(GroupId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void resume(GroupId id) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
