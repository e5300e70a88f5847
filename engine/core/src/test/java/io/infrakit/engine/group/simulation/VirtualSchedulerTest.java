package io.infrakit.engine.group.simulation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VirtualSchedulerTest {

    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    final VirtualClock clock = new VirtualClock(START);
    final VirtualScheduler scheduler = new VirtualScheduler(clock);
    final List<String> ran = new ArrayList<>();

    private Runnable log(String name) {
        return () -> ran.add(name + "@" + Duration.between(START, clock.instant()).toSeconds());
    }

    @Test
    void tasksRunInDueOrderWithTheClockJumpingToEachDueTime() {
        scheduler.schedule(log("late"), 20, TimeUnit.SECONDS);
        scheduler.schedule(log("early"), 5, TimeUnit.SECONDS);
        scheduler.execute(log("now"));
        scheduler.execute(log("now-too"));

        assertThat(scheduler.runUntil(() -> false, START.plusSeconds(60))).isFalse();

        assertThat(ran).containsExactly("now@0", "now-too@0", "early@5", "late@20");
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(20));
        assertThat(scheduler.tasksRun()).isEqualTo(4);
    }

    @Test
    void periodicTasksRepeatUntilCancelledAndTheLimitIsNeverPassed() {
        ScheduledFuture<?> tick = scheduler.scheduleWithFixedDelay(log("tick"), 10, 10, TimeUnit.SECONDS);

        scheduler.runUntil(() -> ran.size() == 3, START.plusSeconds(3600));
        tick.cancel(false);
        scheduler.runUntil(() -> false, START.plusSeconds(3600));

        assertThat(ran).containsExactly("tick@10", "tick@20", "tick@30");
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30));
    }

    @Test
    void aTaskDueAfterTheLimitDoesNotRun() {
        scheduler.schedule(log("after"), 2, TimeUnit.HOURS);

        assertThat(scheduler.runUntil(() -> false, START.plusSeconds(3600))).isFalse();

        assertThat(ran).isEmpty();
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void aFailingTaskIsRecordedAndTheOthersStillRun() {
        scheduler.execute(() -> {
            throw new IllegalStateException("boom");
        });
        scheduler.execute(log("next"));

        scheduler.runUntil(() -> false, START);

        assertThat(ran).containsExactly("next@0");
        assertThat(scheduler.failures()).singleElement().hasFieldOrPropertyWithValue("message", "boom");
    }

    @Test
    void theClockNeverMovesBack() {
        clock.moveTo(START.plusSeconds(5));

        assertThatThrownBy(() -> clock.moveTo(START)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShutDownSchedulerRefusesWork() {
        scheduler.shutdownNow();

        assertThatThrownBy(() -> scheduler.execute(log("late")))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }

    @Test
    void stepByStepNothingRunsUntilAskedThenEveryTaskAtItsDueTime() {
        scheduler.schedule(log("b"), 2, TimeUnit.SECONDS);
        scheduler.schedule(log("a"), 1, TimeUnit.SECONDS);
        scheduler.execute(log("now"));
        assertThat(ran).isEmpty();

        scheduler.runUntilIdle();
        assertThat(ran).containsExactly("now@0");
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(ran).containsExactly("now@0", "a@1", "b@2");
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(5));
    }

    @Test
    void stepByStepPeriodicTasksRepeatUntilCancelled() {
        ScheduledFuture<?> periodic = scheduler.scheduleWithFixedDelay(log("tick"), 10, 10, TimeUnit.SECONDS);
        scheduler.advance(Duration.ofSeconds(35));
        assertThat(ran).containsExactly("tick@10", "tick@20", "tick@30");

        periodic.cancel(false);
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(ran).hasSize(3);
        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void advanceUntilStopsWhenTheConditionHoldsOrFailsAfterTheLimit() {
        scheduler.schedule(log("x"), 30, TimeUnit.SECONDS);
        scheduler.advanceUntil(() -> !ran.isEmpty(), Duration.ofSeconds(10), Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30));
        assertThatThrownBy(() -> scheduler.advanceUntil(() -> false, Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("condition not met within PT30S of virtual time");
    }
}
