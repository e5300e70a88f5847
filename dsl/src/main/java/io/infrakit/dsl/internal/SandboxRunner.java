package io.infrakit.dsl.internal;

import io.infrakit.dsl.DslException;
import io.infrakit.dsl.SandboxLimits;
import io.infrakit.common.Durations;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one evaluation of a script on a thread of its own, so that interrupting it is safe, while the caller
 * watches it: past the time limit, or once the script keeps more than its memory limit, the thread is interrupted
 * (the script's interrupt checks then throw) and the caller reports which limit, and the script line the thread was
 * on. What the thread allocates only tells when to look at the heap: a loop that makes garbage runs on until the time
 * limit, and is reported as a time-out. A thread stuck in one long JDK call cannot be stopped; the caller still
 * returns within a second of the limit, and the daemon thread ends when that call does.
 */
final class SandboxRunner {

    private static final long POLL_MILLIS = 10;
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long STACK_BYTES = 4L * 1024 * 1024;
    /**
     * How often, per memory limit's worth of allocation, the heap is looked at: often enough that a script doubling a
     * string is stopped before it keeps twice the limit. Looking is cheap unless the heap grew past the limit.
     */
    private static final int CHECKS_PER_LIMIT = 4;
    private static final AtomicLong THREADS = new AtomicLong();
    /** The allocation mark until {@link #chargeAllocationsFromHere()}: nothing counts yet. */
    private static final long NOT_COUNTING = Long.MAX_VALUE;
    /** What each sandbox thread had allocated when its allocations last started counting. */
    private static final ThreadLocal<AtomicLong> ALLOCATION_MARK = new ThreadLocal<>();

    private final SandboxLimits limits;
    private static final com.sun.management.ThreadMXBean ALLOCATIONS = allocationBean();

    SandboxRunner(SandboxLimits limits) {
        this.limits = limits;
    }

    /**
     * Starts counting the current sandbox thread's allocations, which tell when to look at the heap: from where the
     * script starts to run. Compiling is bounded by the script's size and the time limit, and Groovy's first compile
     * in a JVM allocates well over 100 MB initialising itself; looking at the heap then would only slow it.
     */
    static void chargeAllocationsFromHere() {
        AtomicLong mark = ALLOCATION_MARK.get();
        if (mark != null) {
            mark.set(allocated(Thread.currentThread()));
        }
    }

    <T> T run(String fileName, Callable<T> evaluation) {
        AtomicLong allocationMark = new AtomicLong(NOT_COUNTING);
        FutureTask<T> task = new FutureTask<>(() -> {
            ALLOCATION_MARK.set(allocationMark);
            return evaluateTranslatingFailures(fileName, evaluation);
        });
        Thread thread = new Thread(null, task, "playbook-sandbox-" + THREADS.incrementAndGet(), STACK_BYTES);
        thread.setDaemon(true);
        HeapGrowth heap = new HeapGrowth();
        long start = System.nanoTime();
        thread.start();
        Stop stop = null;
        long stoppedAt = 0;
        while (true) {
            try {
                T result = task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (stop != null) {
                    throw stop.error(fileName, limits);
                }
                return result;
            } catch (ExecutionException failed) {
                throw stop != null ? stop.error(fileName, limits) : failure(fileName, failed.getCause());
            } catch (TimeoutException stillRunning) {
                long now = System.nanoTime();
                if (stop == null) {
                    stop = exceededLimit(thread, allocationMark, heap, now - start);
                    stoppedAt = now;
                } else if (now - stoppedAt > GRACE_NANOS) {
                    throw stop.error(fileName, limits);
                }
                if (stop != null) {
                    // Again on every poll: a JDK call that catches the interrupt clears it.
                    thread.interrupt();
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
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw ScriptFailures.translate(fileName, cause);
        }
    }

    /** The limit the evaluation has gone past, with the script line its thread is on; null while within both. */
    private Stop exceededLimit(Thread thread, AtomicLong allocationMark, HeapGrowth heap, long elapsedNanos) {
        heap.sample();
        Limit exceeded = null;
        if (elapsedNanos > limits.timeout().toNanos()) {
            exceeded = Limit.TIME;
        } else if (allocatedSince(thread, allocationMark.get()) > limits.memoryBytes() / CHECKS_PER_LIMIT) {
            if (heap.exceeds(limits.memoryBytes())) {
                exceeded = Limit.MEMORY;
            } else {
                // Garbage, or not yet too much kept: look again once the thread has allocated more.
                allocationMark.set(allocated(thread));
            }
        }
        return exceeded == null ? null : new Stop(exceeded, ScriptLines.of(thread.getStackTrace()));
    }

    /** Bytes the thread allocated since the mark; without a way to tell, as if it had allocated without end. */
    private static long allocatedSince(Thread thread, long mark) {
        if (mark == NOT_COUNTING) {
            return 0;
        }
        return ALLOCATIONS == null ? Long.MAX_VALUE : allocated(thread) - mark;
    }

    private static long allocated(Thread thread) {
        return ALLOCATIONS == null ? 0 : ALLOCATIONS.getThreadAllocatedBytes(thread.getId());
    }

    private static DslException failure(String fileName, Throwable cause) {
        if (cause instanceof DslException translated) {
            return translated;
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

        String reason(SandboxLimits limits) {
            return this == TIME
                    ? "timed out after " + Durations.format(limits.timeout()) + " (time limit)"
                    : "stopped: keeps more than " + bytes(limits.memoryBytes()) + " (memory limit)";
        }

        private static String bytes(long bytes) {
            long mebibyte = 1024L * 1024;
            return bytes % mebibyte == 0 ? bytes / mebibyte + " MiB" : bytes + " bytes";
        }
    }

    /** A limit the evaluation went past, and the script line its thread was on then (0 if none). */
    private record Stop(Limit limit, int line) {

        DslException error(String fileName, SandboxLimits limits) {
            return DslException.at(fileName, line, limit.reason(limits));
        }
    }
}
