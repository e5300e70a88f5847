package io.infrakit.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Busy-ish waiting for a benchmark's end condition: checks every few milliseconds, fails after a limit. */
final class Waits {

    private Waits() {
    }

    /** Waits until the condition holds and returns how long that took since {@code startNanos}. */
    static Duration until(BooleanSupplier condition, long startNanos, Duration limit, Duration every, String what) {
        long deadline = startNanos + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + limit + " waiting for " + what);
            }
            LockSupport.parkNanos(every.toNanos());
        }
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Lets time pass (a measurement window); benchmarks are not tests, they may wait for real. */
    static void pause(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
