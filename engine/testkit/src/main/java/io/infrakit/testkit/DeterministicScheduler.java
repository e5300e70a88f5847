package io.infrakit.testkit;

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
import java.util.concurrent.TimeoutException;

/**
 * A scheduled executor driven by a {@link ManualClock} and the test: nothing runs until the test calls
 * {@link #runUntilIdle()} or {@link #advance(Duration)}, and then tasks run in the test's thread in due-time order
 * (ties in submission order), so controller tests are deterministic and never sleep. {@code get()} on a future that
 * has not run fails at once instead of blocking. Exceptions thrown by tasks are kept in {@link #failures()}.
 */
public final class DeterministicScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** A guard against a task that keeps rescheduling itself at the same instant. */
    private static final int MAX_TASKS_PER_RUN = 100_000;

    private final ManualClock clock;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private final List<Throwable> failures = new ArrayList<>();
    private long sequence;
    private boolean shutdown;

    public DeterministicScheduler(ManualClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ManualClock clock() {
        return clock;
    }

    /** Runs every task due now, including those they submit for now; returns how many ran. */
    public int runUntilIdle() {
        int ran = 0;
        Task<?> next;
        while ((next = nextDue(clock.instant())) != null) {
            next.runOnce();
            if (++ran > MAX_TASKS_PER_RUN) {
                throw new IllegalStateException("more than " + MAX_TASKS_PER_RUN + " tasks at " + clock.instant());
            }
        }
        return ran;
    }

    /** Moves the clock forward by the amount, stopping at each task's due time to run what is due. */
    public int advance(Duration amount) {
        Instant end = clock.instant().plus(amount);
        int ran = runUntilIdle();
        Instant due;
        while ((due = nextDueTime()) != null && !due.isAfter(end)) {
            if (due.isAfter(clock.instant())) {
                clock.set(due);
            }
            ran += runUntilIdle();
        }
        clock.set(end);
        return ran + runUntilIdle();
    }

    /** Advances in steps of {@code step} until the condition holds; fails after {@code limit} of clock time. */
    public void advanceUntil(java.util.function.BooleanSupplier condition, Duration step, Duration limit) {
        Instant deadline = clock.instant().plus(limit);
        runUntilIdle();
        while (!condition.getAsBoolean()) {
            if (clock.instant().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + limit + " of clock time");
            }
            advance(step);
        }
    }

    public synchronized int pendingTasks() {
        return (int) queue.stream().filter(task -> !task.isCancelled()).count();
    }

    public synchronized List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private synchronized Task<?> nextDue(Instant now) {
        while (!queue.isEmpty() && queue.peek().isCancelled()) {
            queue.poll();
        }
        return !queue.isEmpty() && !queue.peek().due.isAfter(now) ? queue.poll() : null;
    }

    private synchronized Instant nextDueTime() {
        while (!queue.isEmpty() && queue.peek().isCancelled()) {
            queue.poll();
        }
        return queue.isEmpty() ? null : queue.peek().due;
    }

    private synchronized <V> Task<V> enqueue(Callable<V> work, Duration delay, Duration period, boolean fixedRate) {
        if (shutdown) {
            throw new RejectedExecutionException("the scheduler is shut down");
        }
        Task<V> task = new Task<>(work, clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), period,
                fixedRate, sequence++);
        queue.add(task);
        return task;
    }

    private synchronized void requeue(Task<?> task) {
        if (!shutdown) {
            task.sequenceNumber = sequence++;
            queue.add(task);
        }
    }

    private synchronized void failed(Throwable error) {
        failures.add(error);
    }

    @Override
    public void execute(Runnable command) {
        enqueue(callable(command), Duration.ZERO, null, false);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(callable(command), Duration.of(delay, unit.toChronoUnit()), null, false);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(callable, Duration.of(delay, unit.toChronoUnit()), null, false);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return enqueue(callable(command), Duration.of(initialDelay, unit.toChronoUnit()),
                Duration.of(period, unit.toChronoUnit()), true);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return enqueue(callable(command), Duration.of(initialDelay, unit.toChronoUnit()),
                Duration.of(delay, unit.toChronoUnit()), false);
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

    private static Callable<Object> callable(Runnable command) {
        Objects.requireNonNull(command, "command");
        return () -> {
            command.run();
            return null;
        };
    }

    private final class Task<V> implements ScheduledFuture<V> {
        private final Callable<V> work;
        private final Duration period;
        private final boolean fixedRate;
        private Instant due;
        private long sequenceNumber;
        private boolean cancelled;
        private boolean done;
        private V result;
        private Throwable error;

        Task(Callable<V> work, Instant due, Duration period, boolean fixedRate, long sequenceNumber) {
            this.work = work;
            this.due = due;
            this.period = period;
            this.fixedRate = fixedRate;
            this.sequenceNumber = sequenceNumber;
        }

        void runOnce() {
            if (isCancelled()) {
                return;
            }
            try {
                V value = work.call();
                if (period == null) {
                    complete(value, null);
                    return;
                }
            } catch (Throwable e) {
                failed(e);
                complete(null, e);
                return;
            }
            due = (fixedRate ? due : clock.instant()).plus(period);
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
            if (other instanceof DeterministicScheduler.Task<?> task) {
                int byDue = due.compareTo(task.due);
                return byDue != 0 ? byDue : Long.compare(sequenceNumber, task.sequenceNumber);
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

        @Override
        public synchronized V get() throws ExecutionException {
            if (cancelled) {
                throw new CancellationException();
            }
            if (!done) {
                throw new IllegalStateException("the task has not run; advance the scheduler first");
            }
            if (error != null) {
                throw new ExecutionException(error);
            }
            return result;
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws ExecutionException, TimeoutException {
            if (!isDone()) {
                throw new TimeoutException("the task has not run; advance the scheduler first");
            }
            return get();
        }
    }
}
