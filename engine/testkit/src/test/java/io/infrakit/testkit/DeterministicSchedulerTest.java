package io.infrakit.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeterministicSchedulerTest {

    final ManualClock clock = new ManualClock();
    final DeterministicScheduler scheduler = new DeterministicScheduler(clock);
    final List<String> ran = new ArrayList<>();

    @Test
    void runsNothingUntilTheTestSaysSoThenInDueOrder() {
        scheduler.schedule(() -> ran.add("b@2s"), 2, TimeUnit.SECONDS);
        scheduler.schedule(() -> ran.add("a@1s"), 1, TimeUnit.SECONDS);
        scheduler.execute(() -> ran.add("now"));
        assertThat(ran).isEmpty();

        scheduler.runUntilIdle();
        assertThat(ran).containsExactly("now");
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(ran).containsExactly("now", "a@1s", "b@2s");
        assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(5));
    }

    @Test
    void tasksSeeTheClockAtTheirDueTimeAndPeriodicTasksRepeat() {
        List<Long> seconds = new ArrayList<>();
        ScheduledFuture<?> periodic = scheduler.scheduleWithFixedDelay(
                () -> seconds.add(clock.instant().getEpochSecond() - ManualClock.DEFAULT_START.getEpochSecond()),
                10, 10, TimeUnit.SECONDS);
        scheduler.advance(Duration.ofSeconds(35));
        assertThat(seconds).containsExactly(10L, 20L, 30L);

        periodic.cancel(false);
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(seconds).hasSize(3);
        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void failuresAreKeptAndGetNeverBlocks() {
        ScheduledFuture<?> failing = scheduler.schedule(() -> {
            throw new IllegalStateException("boom");
        }, 1, TimeUnit.SECONDS);
        assertThatThrownBy(failing::get).isInstanceOf(IllegalStateException.class);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(scheduler.failures()).extracting(Throwable::getMessage).containsExactly("boom");
    }

    @Test
    void advanceUntilStopsWhenTheConditionHoldsOrFailsAfterTheLimit() {
        scheduler.schedule(() -> ran.add("x"), 30, TimeUnit.SECONDS);
        scheduler.advanceUntil(() -> !ran.isEmpty(), Duration.ofSeconds(10), Duration.ofMinutes(1));
        assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(30));
        assertThatThrownBy(() -> scheduler.advanceUntil(() -> false, Duration.ofSeconds(10), Duration.ofSeconds(30)))
                .isInstanceOf(AssertionError.class);
    }
}
