package io.infrakit.engine.group;

import io.infrakit.spi.group.GroupId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * When each group is reconciled: at once after a change, every poll interval (a poll also asks for fresh health, see
 * {@link HealthSamples}), and after failures with a backoff that doubles from half a second up to the poll
 * interval. A removed group is not queued any more.
 */
final class ReconcileScheduler implements ActionRunner.Callbacks {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileScheduler.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);

    private final ScheduledExecutorService scheduler;
    private final Duration pollInterval;
    private final WorkQueue queue;

    ReconcileScheduler(ScheduledExecutorService scheduler, Duration pollInterval, Consumer<GroupId> reconcile) {
        this.scheduler = scheduler;
        this.pollInterval = pollInterval;
        this.queue = new WorkQueue(scheduler, reconcile);
    }

    /** Reconciles the group every poll interval until it is removed. */
    void reconcileEveryPoll(GroupState group) {
        Runnable poll = () -> {
            group.samples.pollDue();
            reconcileNow(group);
        };
        group.resync(scheduler.scheduleWithFixedDelay(poll, pollInterval.toNanos(), pollInterval.toNanos(),
                TimeUnit.NANOSECONDS));
    }

    @Override
    public void reconcileNow(GroupState group) {
        if (!group.isRemoved()) {
            queue.enqueue(group.id);
        }
    }

    @Override
    public void reconcileAfterFailures(GroupState group, int failures) {
        Duration backoff = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        if (backoff.compareTo(pollInterval) > 0) {
            backoff = pollInterval;
        }
        try {
            scheduler.schedule(() -> reconcileNow(group), backoff.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("not retrying group {}: the controller is closing", group.id);
        }
    }
}
