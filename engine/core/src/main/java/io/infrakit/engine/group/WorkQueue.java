package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Group IDs waiting for a reconcile. Events for a group coalesce into one pending entry; a group is reconciled
 * by one thread at a time, and an event that arrives meanwhile runs it once more afterwards.
 */
final class WorkQueue {

    private static final Logger LOG = LoggerFactory.getLogger(WorkQueue.class);

    private final Executor executor;
    private final Consumer<GroupId> worker;
    private final Set<GroupId> queued = new HashSet<>();
    private final Set<GroupId> running = new HashSet<>();
    private final Set<GroupId> again = new HashSet<>();

    WorkQueue(Executor executor, Consumer<GroupId> worker) {
        this.executor = executor;
        this.worker = worker;
    }

    void enqueue(GroupId id) {
        synchronized (this) {
            if (running.contains(id)) {
                again.add(id);
                return;
            }
            if (!queued.add(id)) {
                return;
            }
        }
        try {
            executor.execute(() -> run(id));
        } catch (RejectedExecutionException e) {
            LOG.debug("not reconciling {}: the controller is closing", id);
            synchronized (this) {
                queued.remove(id);
            }
        }
    }

    private void run(GroupId id) {
        synchronized (this) {
            queued.remove(id);
            running.add(id);
        }
        try {
            worker.accept(id);
        } finally {
            boolean rerun;
            synchronized (this) {
                running.remove(id);
                rerun = again.remove(id);
            }
            if (rerun) {
                enqueue(id);
            }
        }
    }
}
