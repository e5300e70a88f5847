package io.infrakit.manager.process;

import java.time.Duration;
import java.util.Optional;

/**
 * When a crashed plugin process is started again: after {@code firstDelay}, doubling with each restart in a row up
 * to {@code maxDelay}, at most {@code limit} restarts in a row; a process that ran {@code stableAfter} before it
 * crashed starts a new row. Pure: a function of the counts and durations only.
 */
public record RestartPolicy(Duration firstDelay, Duration maxDelay, int limit, Duration stableAfter) {

    public static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 5,
            Duration.ofSeconds(60));

    /** The restart in a row this crash asks for: 1 after a process that ran long enough, else one more. */
    public int restartNumber(int restartsSoFar, Duration ranFor) {
        return ranFor.compareTo(stableAfter) >= 0 ? 1 : restartsSoFar + 1;
    }

    /** How long to wait before restart number {@code restart} (1 = the first); empty: give up. */
    public Optional<Duration> delayBefore(int restart) {
        if (restart > limit) {
            return Optional.empty();
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(restart - 1, 30));
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
}
