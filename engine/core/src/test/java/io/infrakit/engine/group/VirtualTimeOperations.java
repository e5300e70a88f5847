package io.infrakit.engine.group;

import io.infrakit.engine.group.simulation.VirtualScheduler;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The controller's action executor in virtual time, for plugins that block while their call lasts (the simulator
 * waits out its provision and destroy delays through a sleeper). Each operation runs on a thread of its own, but
 * only while the scheduler's thread waits for it, so one thing runs at a time and always in the same order. When an
 * operation sleeps, it hands the turn back and the scheduler runs on (polls, reconciles, other operations) until
 * the sleep is over in virtual time. {@link #sleep} is the sleeper to give the plugin.
 */
final class VirtualTimeOperations implements Executor, AutoCloseable {

    private final VirtualScheduler scheduler;
    private final ThreadLocal<Turn> current = new ThreadLocal<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    VirtualTimeOperations(VirtualScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts the operation (a controller action, or a blocking call the test makes) at the current virtual time. */
    @Override
    public void execute(Runnable operation) {
        scheduler.execute(() -> start(operation));
    }

    /** Blocks the calling operation for this long in virtual time. */
    void sleep(Duration duration) {
        Turn turn = current.get();
        if (turn == null) {
            throw new IllegalStateException("a plugin call that takes time must run as an operation (execute)");
        }
        scheduler.schedule(turn::resume, duration.toNanos(), TimeUnit.NANOSECONDS);
        turn.pause();
    }

    /** Stops the operations still waiting for their time, which will not come. */
    @Override
    public void close() {
        for (Thread thread : threads) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void start(Runnable operation) {
        Turn turn = new Turn();
        Thread thread = new Thread(() -> turn.run(operation), "virtual-time-operation");
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        turn.resume();
    }

    /** Whose turn it is: the scheduler's thread or the operation's, never both. */
    private final class Turn {
        private final Semaphore operation = new Semaphore(0);
        private final Semaphore scheduler = new Semaphore(0);
        private Throwable failure;

        /** On the operation's thread. */
        void run(Runnable work) {
            try {
                operation.acquire();
                current.set(this);
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                threads.remove(Thread.currentThread());
                scheduler.release();
            }
        }

        /** On the scheduler's thread: lets the operation run until it sleeps or ends; its failure is the task's. */
        void resume() {
            operation.release();
            scheduler.acquireUninterruptibly();
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }

        /** On the operation's thread: hands the turn back until the scheduler resumes it. */
        void pause() {
            scheduler.release();
            try {
                operation.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("virtual time stopped while an operation waited", e);
            }
        }
    }
}
