package io.infrakit.testkit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManualClockTest {

    @Test
    void standsStillUntilMoved() {
        ManualClock clock = new ManualClock();

        assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START);
        assertThat(clock.millis()).isEqualTo(ManualClock.DEFAULT_START.toEpochMilli());
    }

    @Test
    void advancesBySetAmounts() {
        ManualClock clock = new ManualClock(Instant.parse("2030-05-01T10:00:00Z"));

        clock.advance(Duration.ofSeconds(90));
        Instant now = clock.advance(Duration.ofMillis(500));

        assertThat(now).isEqualTo(Instant.parse("2030-05-01T10:01:30.500Z"));
        assertThat(clock.instant()).isEqualTo(now);
    }

    @Test
    void canBeSetAnywhereButAdvancedOnlyForward() {
        ManualClock clock = new ManualClock();

        clock.set(Instant.EPOCH);

        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("only moves forward");
    }

    @Test
    void aClockInAnotherZoneSharesTheTime() {
        ManualClock clock = new ManualClock();
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofHours(1));

        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(paris.instant()).isEqualTo(clock.instant());
    }

    @Test
    void concurrentAdvancesAreAllCounted() throws InterruptedException {
        ManualClock clock = new ManualClock(Instant.EPOCH);
        ExecutorService pool = Executors.newFixedThreadPool(8);

        IntStream.range(0, 1000).forEach(i -> pool.execute(() -> clock.advance(Duration.ofMillis(1))));
        pool.shutdown();

        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusSeconds(1));
    }
}
