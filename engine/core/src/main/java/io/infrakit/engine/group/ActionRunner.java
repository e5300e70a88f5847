package io.infrakit.engine.group;

import io.infrakit.engine.group.plan.Action;
import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The dumb executor: runs each planned action on the action executor and reports back. Each operation is
 * registered with the group before it starts, so the next plan counts it, and its end asks for another reconcile:
 * at once after a success, after a backoff after a failure.
 */
final class ActionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);

    /** Where the runner reports: ask for a reconcile now, or after the backoff for this many failures. */
    interface Callbacks {
        void reconcileNow(GroupState group);

        void reconcileAfterFailures(GroupState group, int failures);
    }

    /** The plugins and config one reconcile acts with. */
    record Context(GroupProperties properties, String targetHash, InstancePlugin instances, FlavorPlugin flavor) {
    }

    private final Executor executor;
    private final Clock clock;
    private final Callbacks callbacks;
    private final boolean logsMembers;

    ActionRunner(Executor executor, Clock clock, Callbacks callbacks, boolean logsMembers) {
        this.executor = executor;
        this.clock = clock;
        this.callbacks = callbacks;
        this.logsMembers = logsMembers;
    }

    void start(GroupState group, Action action, Context context) {
        if (action instanceof Action.Provision provision) {
            long operation = group.startProvision(provision.configHash(), provision.logicalId(), clock.instant());
            submit(group, operation, () -> {
                InstanceId id = MemberOperations.provision(group.id, context.properties(), provision.configHash(),
                        provision.logicalId(), provision.sequence(), context.instances(), context.flavor());
                group.provisioned(operation, id, clock.instant());
                group.events.add(clock.instant(), "Provisioned", id == null ? "" : id.value(),
                        "provisioned " + id + " with config " + provision.configHash());
                if (logsMembers) {
                    LOG.info("provisioned {} for group {} (config {})", id, group.id, provision.configHash());
                }
            }, "provision", "ProvisionFailed", "");
        } else if (action instanceof Action.Destroy destroy) {
            long operation = group.startDestroy(destroy.instance().id());
            submit(group, operation, () -> {
                try {
                    boolean drained = MemberOperations.destroy(destroy.instance(), destroy.reason(), destroy.self(),
                            context.properties(), context.instances(), context.flavor());
                    if (drained) {
                        group.events.add(clock.instant(), "Drained", destroy.instance().id().value(),
                                "drained " + destroy.instance().id());
                    }
                } catch (RuntimeException e) {
                    if (destroy.reason() == DestroyReason.ROLLING_UPDATE) {
                        group.failRollout(context.targetHash(), "could not replace " + destroy.instance().id() + ": "
                                + e.getMessage());
                    }
                    throw e;
                }
                group.finished(operation);
                boolean kept = destroy.self() && destroy.reason() == DestroyReason.ROLLING_UPDATE;
                if (!kept) {
                    group.events.add(clock.instant(), "Destroyed", destroy.instance().id().value(),
                            "destroyed " + destroy.instance().id() + " (" + destroy.reason().wire() + ")");
                }
                if (logsMembers) {
                    LOG.info("destroyed {} of group {} ({})", destroy.instance().id(), group.id,
                            destroy.reason().wire());
                }
            }, "destroy " + destroy.instance().id(), "DestroyFailed", destroy.instance().id().value());
        }
    }

    private void submit(GroupState group, long operation, Runnable work, String what, String failureEvent,
                        String instance) {
        Runnable task = () -> {
            try {
                work.run();
                group.operationSucceeded();
                callbacks.reconcileNow(group);
            } catch (RuntimeException e) {
                group.finished(operation);
                int failures = group.operationFailed(what + " failed: " + e.getMessage());
                group.events.add(clock.instant(), failureEvent, instance, what + " failed: " + e.getMessage());
                LOG.debug("group {}: {} failed: {}", group.id, what, e.getMessage());
                callbacks.reconcileAfterFailures(group, failures);
            }
        };
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            group.finished(operation);
        }
    }
}
