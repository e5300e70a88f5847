package io.infrakit.manager.process;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final RestartPolicy POLICY = new RestartPolicy(Duration.ofMillis(500), Duration.ofSeconds(4), 3,
            Duration.ofSeconds(60));
    final Lifecycle lifecycle = new Lifecycle(POLICY, Duration.ofSeconds(10));

    static ProcessRecord starting(int restarts) {
        return ProcessRecord.started("py", 42, restarts, T0, "/home/logs/py.log");
    }

    @Test
    void aStartingProcessRunsOnceItsSocketAnswers() {
        Lifecycle.Step waiting = lifecycle.next(starting(0), Observation.running(Observation.Handshake.NOT_YET),
                T0.plusSeconds(9));
        assertThat(waiting.record().phase()).isEqualTo(ProcessPhase.STARTING);

        Lifecycle.Step answered = lifecycle.next(starting(0), Observation.running(Observation.Handshake.ANSWERED),
                T0.plusSeconds(1));
        assertThat(answered.record().phase()).isEqualTo(ProcessPhase.RUNNING);
        assertThat(answered.record().pid()).isEqualTo(42);
        assertThat(answered.action()).isEqualTo(Lifecycle.Action.NONE);
    }

    @Test
    void aFirstStartThatFailsIsNotRetried() {
        Lifecycle.Step exited = lifecycle.next(starting(0), Observation.exited(OptionalInt.of(3)), T0.plusMillis(50));
        assertThat(exited.record().phase()).isEqualTo(ProcessPhase.FAILED);
        assertThat(exited.record().message()).isEqualTo("exited with code 3 before its socket answered");

        Lifecycle.Step silent = lifecycle.next(starting(0), Observation.running(Observation.Handshake.NOT_YET),
                T0.plusSeconds(10));
        assertThat(silent.record().phase()).isEqualTo(ProcessPhase.FAILED);
        assertThat(silent.record().message()).isEqualTo("never answered the handshake within 10s");
        assertThat(silent.action()).isEqualTo(Lifecycle.Action.KILL);

        Lifecycle.Step bad = lifecycle.next(starting(0), Observation.badHandshake("malformed handshake"), T0);
        assertThat(bad.record().phase()).isEqualTo(ProcessPhase.FAILED);
        assertThat(bad.record().message()).isEqualTo("answered the handshake wrongly: malformed handshake");
        assertThat(bad.action()).isEqualTo(Lifecycle.Action.KILL);
    }

    @Test
    void aCrashIsRestartedAfterABackoffThatDoublesThenGivesUp() {
        ProcessRecord running = starting(0).with(ProcessPhase.RUNNING, "");
        Lifecycle.Step crashed = lifecycle.next(running, Observation.exited(OptionalInt.of(137)), T0.plusSeconds(5));
        assertThat(crashed.record().phase()).isEqualTo(ProcessPhase.RESTARTING);
        assertThat(crashed.record().restarts()).isEqualTo(1);
        assertThat(crashed.record().nextAttempt()).isEqualTo(T0.plusSeconds(5).plusMillis(500));
        assertThat(crashed.record().message()).isEqualTo("crashed (exited with code 137); restart 1 of 3 in 0.5s");

        assertThat(lifecycle.next(crashed.record(), Observation.exited(OptionalInt.empty()), T0.plusMillis(5400))
                .action()).isEqualTo(Lifecycle.Action.NONE);
        assertThat(lifecycle.next(crashed.record(), Observation.exited(OptionalInt.empty()), T0.plusMillis(5500))
                .action()).isEqualTo(Lifecycle.Action.SPAWN);

        ProcessRecord second = ProcessRecord.started("py", 43, 1, T0.plusSeconds(6), "/home/logs/py.log")
                .with(ProcessPhase.RUNNING, "");
        Lifecycle.Step again = lifecycle.next(second, Observation.exited(OptionalInt.of(1)), T0.plusSeconds(7));
        assertThat(again.record().restarts()).isEqualTo(2);
        assertThat(again.record().nextAttempt()).isEqualTo(T0.plusSeconds(8));

        ProcessRecord third = ProcessRecord.started("py", 44, 3, T0.plusSeconds(20), "/home/logs/py.log")
                .with(ProcessPhase.RUNNING, "");
        Lifecycle.Step gaveUp = lifecycle.next(third, Observation.exited(OptionalInt.of(1)), T0.plusSeconds(21));
        assertThat(gaveUp.record().phase()).isEqualTo(ProcessPhase.GAVE_UP);
        assertThat(gaveUp.record().message()).isEqualTo("gave up after 3 restarts (crashed (exited with code 1))");
        assertThat(gaveUp.record().pid()).isZero();
    }

    @Test
    void aRestartThatFailsCountsAsAnotherCrash() {
        Lifecycle.Step failed = lifecycle.next(starting(1), Observation.exited(OptionalInt.of(2)), T0.plusSeconds(1));
        assertThat(failed.record().phase()).isEqualTo(ProcessPhase.RESTARTING);
        assertThat(failed.record().restarts()).isEqualTo(2);
    }

    @Test
    void aProcessThatRanLongEnoughStartsANewRowOfRestarts() {
        ProcessRecord stable = starting(3).with(ProcessPhase.RUNNING, "");
        Lifecycle.Step crashed = lifecycle.next(stable, Observation.exited(OptionalInt.of(1)), T0.plusSeconds(61));
        assertThat(crashed.record().phase()).isEqualTo(ProcessPhase.RESTARTING);
        assertThat(crashed.record().restarts()).isEqualTo(1);
    }

    @Test
    void theBackoffIsCapped() {
        assertThat(POLICY.delayBefore(1)).contains(Duration.ofMillis(500));
        assertThat(POLICY.delayBefore(3)).contains(Duration.ofSeconds(2));
        assertThat(new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(4), 10, Duration.ofMinutes(1))
                .delayBefore(8)).contains(Duration.ofSeconds(4));
        assertThat(POLICY.delayBefore(4)).isEmpty();
    }
}
