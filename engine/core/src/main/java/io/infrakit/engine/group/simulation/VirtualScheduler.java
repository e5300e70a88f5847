package io.infrakit.engine.group.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A scheduled executor in virtual time: tasks run in the thread that calls {@link #runUntil}, one at a time, in
 * due-time order (ties in submission order), and between tasks the {@link VirtualClock} jumps straight to the next
 * due time. Nothing waits for real, so hours of simulated time pass in as long as the tasks take to run, and the
 * same tasks always run in the same order. A task that throws is recorded ({@link #failures()}) and, if
 * periodic, not run again, as with {@link java.util.concurrent.ScheduledThreadPoolExecutor}.
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** A guard against a task that keeps rescheduling itself at the same instant. */
    private static final int MAX_TASKS_PER_STEP = 1_000_000;

    private final VirtualClock clock;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private final List<Throwable> failures = new ArrayList<>();
    private long sequence;
    private long ran;
    private boolean shutdown;

    public VirtualScheduler(VirtualClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public VirtualClock clock() {
        return clock;
    }

    /**
     * Runs tasks, moving the clock from one due time to the next, until the condition holds (checked before each
     * task), no task is left, or the next task is due after the limit. Returns whether the condition holds.
     */
    public boolean runUntil(BooleanSupplier done, Instant limit) {
        while (!done.getAsBoolean()) {
            Task<?> next = next(limit);
            if (next == null) {
                return done.getAsBoolean();
            }
            if (next.due.isAfter(clock.instant())) {
                clock.moveTo(next.due);
            }
            ran++;
            next.runOnce();
        }
        return true;
    }

    /** Runs every task due now, including those they submit for now; returns how many ran. */
    public int runUntilIdle() {
        return runDueBy(clock.instant());
    }

    /** Moves the clock forward by the amount, running each task at its due time on the way. */
    public int advance(Duration amount) {
        Instant end = clock.instant().plus(amount);
        int count = runDueBy(end);
        clock.moveTo(end);
        return count + runUntilIdle();
    }

    /** Advances in steps until the condition holds; throws once {@code limit} of virtual time has passed. */
    public void advanceUntil(BooleanSupplier condition, Duration step, Duration limit) {
        Instant deadline = clock.instant().plus(limit);
        runUntilIdle();
        while (!condition.getAsBoolean()) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("condition not met within " + limit + " of virtual time");
            }
            advance(step);
        }
    }

    public synchronized int pendingTasks() {
        return (int) queue.stream().filter(task -> !task.isCancelled()).count();
    }

    private int runDueBy(Instant limit) {
        int count = 0;
        Task<?> next;
        while ((next = next(limit)) != null) {
            if (next.due.isAfter(clock.instant())) {
                clock.moveTo(next.due);
            }
            ran++;
            next.runOnce();
            if (++count > MAX_TASKS_PER_STEP) {
                throw new IllegalStateException("more than " + MAX_TASKS_PER_STEP + " tasks by " + limit
                        + ": a task keeps rescheduling itself");
            }
        }
        return count;
    }

    /** How many tasks have run so far. */
    public synchronized long tasksRun() {
        return ran;
    }

    public synchronized List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private synchronized Task<?> next(Instant limit) {
        while (!queue.isEmpty() && queue.peek().isCancelled()) {
            queue.poll();
        }
        return queue.isEmpty() || queue.peek().due.isAfter(limit) ? null : queue.poll();
    }

    private synchronized <V> Task<V> enqueue(Callable<V> work, long delayNanos, long periodNanos) {
        if (shutdown) {
            throw new RejectedExecutionException("the virtual scheduler is shut down");
        }
        Task<V> task = new Task<>(work, clock.instant().plusNanos(Math.max(0, delayNanos)), periodNanos, sequence++);
        queue.add(task);
        return task;
    }

    private synchronized void requeue(Task<?> task) {
        if (!shutdown) {
            task.order = sequence++;
            queue.add(task);
        }
    }

    private synchronized void failed(Throwable error) {
        failures.add(error);
    }

    @Override
    public void execute(Runnable command) {
        enqueue(callable(command), 0, 0);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(callable(command), unit.toNanos(delay), 0);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(Objects.requireNonNull(callable, "callable"), unit.toNanos(delay), 0);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return enqueue(callable(command), unit.toNanos(initialDelay), positive(unit.toNanos(period)));
    }

    /** In virtual time a task takes no time, so a fixed delay and a fixed rate are the same. */
    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return enqueue(callable(command), unit.toNanos(initialDelay), positive(unit.toNanos(delay)));
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> pending = new ArrayList<>();
        queue.forEach(task -> pending.add(task::runOnce));
        queue.clear();
        return pending;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private static long positive(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("the period must be positive");
        }
        return nanos;
    }

    private static Callable<Object> callable(Runnable command) {
        Objects.requireNonNull(command, "command");
        return () -> {
            command.run();
            return null;
        };
    }

    private final class Task<V> implements ScheduledFuture<V> {
        private final Callable<V> work;
        private final long periodNanos;
        private Instant due;
        private long order;
        private boolean cancelled;
        private boolean done;
        private V result;
        private Throwable error;

        Task(Callable<V> work, Instant due, long periodNanos, long order) {
            this.work = work;
            this.due = due;
            this.periodNanos = periodNanos;
            this.order = order;
        }

        void runOnce() {
            if (isCancelled()) {
                return;
            }
            try {
                V value = work.call();
                if (periodNanos == 0) {
                    complete(value, null);
                    return;
                }
            } catch (Throwable e) {
                failed(e);
                complete(null, e);
                return;
            }
            due = clock.instant().plusNanos(periodNanos);
            requeue(this);
        }

        private synchronized void complete(V value, Throwable failure) {
            result = value;
            error = failure;
            done = true;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof VirtualScheduler.Task<?> task) {
                int byDue = due.compareTo(task.due);
                return byDue != 0 ? byDue : Long.compare(order, task.order);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public synchronized boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            done = true;
            return true;
        }

        @Override
        public synchronized boolean isCancelled() {
            return cancelled;
        }

        @Override
        public synchronized boolean isDone() {
            return done;
        }

        /** Never blocks: in virtual time, waiting for a task that has not run would wait forever. */
        @Override
        public synchronized V get() throws ExecutionException {
            if (cancelled) {
                throw new CancellationException();
            }
            if (!done) {
                throw new IllegalStateException("the task has not run yet in virtual time");
            }
            if (error != null) {
                throw new ExecutionException(error);
            }
            return result;
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws ExecutionException {
            return get();
        }
    }
}
