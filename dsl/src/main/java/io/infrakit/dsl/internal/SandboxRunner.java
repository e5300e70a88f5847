package io.infrakit.dsl.internal;

import io.infrakit.dsl.DslException;
import io.infrakit.dsl.SandboxLimits;
import io.infrakit.spi.Durations;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one evaluation of a script on a thread of its own, so that interrupting it is safe, while the caller
 * watches it: past the time limit, or once the thread has allocated more than its budget, the thread is interrupted
 * (the script's interrupt checks then throw) and the caller reports the limit. A thread stuck in one long JDK call
 * cannot be stopped; the caller still returns within a second of the limit, and the daemon thread ends when that
 * call does.
 */
final class SandboxRunner {

    private static final long POLL_MILLIS = 10;
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long STACK_BYTES = 4L * 1024 * 1024;
    private static final AtomicLong THREADS = new AtomicLong();
    /** What each sandbox thread had allocated when its budget started counting. */
    private static final ThreadLocal<AtomicLong> BUDGET_START = new ThreadLocal<>();

    private final SandboxLimits limits;
    private static final com.sun.management.ThreadMXBean ALLOCATIONS = allocationBean();

    SandboxRunner(SandboxLimits limits) {
        this.limits = limits;
    }

    /**
     * Starts the current sandbox thread's allocation budget afresh. Compiling is bounded by the script's size and
     * the time limit, and Groovy's first compile in a JVM allocates well over 100 MB initialising itself; only what
     * the script does afterwards counts.
     */
    static void chargeAllocationsFromHere() {
        AtomicLong start = BUDGET_START.get();
        com.sun.management.ThreadMXBean bean = ALLOCATIONS;
        if (start != null && bean != null) {
            start.set(bean.getThreadAllocatedBytes(Thread.currentThread().getId()));
        }
    }

    <T> T run(String fileName, Callable<T> evaluation) {
        AtomicLong budgetStart = new AtomicLong();
        FutureTask<T> task = new FutureTask<>(() -> {
            BUDGET_START.set(budgetStart);
            return evaluateTranslatingFailures(fileName, evaluation);
        });
        Thread thread = new Thread(null, task, "playbook-sandbox-" + THREADS.incrementAndGet(), STACK_BYTES);
        thread.setDaemon(true);
        long start = System.nanoTime();
        thread.start();
        Limit exceeded = null;
        long stoppedAt = 0;
        while (true) {
            try {
                T result = task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (exceeded != null) {
                    throw exceeded.error(fileName, limits);
                }
                return result;
            } catch (ExecutionException failed) {
                throw failure(fileName, failed.getCause(), exceeded);
            } catch (TimeoutException stillRunning) {
                long now = System.nanoTime();
                if (exceeded == null) {
                    exceeded = exceededLimit(thread, budgetStart.get(), now - start);
                    if (exceeded != null) {
                        thread.interrupt();
                        stoppedAt = now;
                    }
                } else if (now - stoppedAt > GRACE_NANOS) {
                    throw exceeded.error(fileName, limits);
                }
            } catch (InterruptedException callerInterrupted) {
                thread.interrupt();
                Thread.currentThread().interrupt();
                throw DslException.at(fileName, 0, "interrupted");
            }
        }
    }

    /**
     * Runs the evaluation and, still on the sandbox thread and so within its limits, turns a failure into a
     * DslException: building a message can run script code (a GString's closure in a method argument).
     */
    private static <T> T evaluateTranslatingFailures(String fileName, Callable<T> evaluation) throws Exception {
        try {
            return evaluation.call();
        } catch (Throwable failure) {
            Throwable cause = ScriptFailures.unwrap(failure);
            if (cause instanceof InterruptedException || cause instanceof TimeoutException) {
                throw (Exception) cause;
            }
            throw ScriptFailures.translate(fileName, cause);
        }
    }

    private Limit exceededLimit(Thread thread, long budgetStart, long elapsedNanos) {
        if (ALLOCATIONS != null && ALLOCATIONS.getThreadAllocatedBytes(thread.getId()) - budgetStart
                > limits.allocationBudgetBytes()) {
            return Limit.MEMORY;
        }
        return elapsedNanos > limits.timeout().toNanos() ? Limit.TIME : null;
    }

    private DslException failure(String fileName, Throwable cause, Limit exceeded) {
        if (exceeded != null) {
            return exceeded.error(fileName, limits);
        }
        if (cause instanceof DslException translated) {
            return translated;
        }
        if (cause instanceof TimeoutException) {
            return Limit.TIME.error(fileName, limits);
        }
        if (cause instanceof InterruptedException) {
            return DslException.at(fileName, 0, "interrupted");
        }
        // Translating the failure failed in turn; its message could run script code, so name only its type.
        return DslException.at(fileName, 0, "stopped: " + cause.getClass().getSimpleName());
    }

    private static com.sun.management.ThreadMXBean allocationBean() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
            return bean;
        }
        return null;
    }

    /** The limits an evaluation can exceed, and how each is reported. */
    private enum Limit {
        TIME, MEMORY;

        DslException error(String fileName, SandboxLimits limits) {
            return DslException.at(fileName, 0, this == TIME
                    ? "stopped after " + Durations.format(limits.timeout()) + " (time limit)"
                    : "stopped: used more than " + bytes(limits.allocationBudgetBytes()));
        }

        private static String bytes(long bytes) {
            long mebibyte = 1024L * 1024;
            return bytes % mebibyte == 0 ? bytes / mebibyte + " MiB" : bytes + " bytes";
        }
    }
}
