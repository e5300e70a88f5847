package io.infrakit.templates;

import io.infrakit.common.Durations;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Stops a render that takes too long by interrupting the thread it runs on, which makes the interruption checks
 * Freemarker adds to every loop end the render. Renders run on their caller's thread, so a stopped render leaves
 * nothing running; the alarm thread only delivers interrupts.
 */
final class RenderDeadline implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor ALARMS = alarms();

    private final Thread renderThread = Thread.currentThread();
    private final Duration limit;
    private final ScheduledFuture<?> alarm;
    private boolean closed;
    private boolean expired;

    private RenderDeadline(Duration limit) {
        this.limit = limit;
        this.alarm = ALARMS.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the clock for a render on the current thread. */
    static RenderDeadline start(Duration limit) {
        return new RenderDeadline(limit);
    }

    synchronized boolean expired() {
        return expired;
    }

    String reason() {
        return "rendering took longer than " + Durations.format(limit) + "; stopped";
    }

    /** Stops the clock; clears the interrupt this deadline delivered, so the caller's thread is left as it was. */
    @Override
    public void close() {
        boolean interruptDelivered;
        synchronized (this) {
            closed = true;
            interruptDelivered = expired;
        }
        alarm.cancel(false);
        if (interruptDelivered) {
            Thread.interrupted();
        }
    }

    private synchronized void expire() {
        if (!closed) {
            expired = true;
            renderThread.interrupt();
        }
    }

    private static ScheduledThreadPoolExecutor alarms() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "infrakit-template-deadline");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
