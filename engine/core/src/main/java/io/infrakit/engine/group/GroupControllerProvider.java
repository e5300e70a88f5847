package io.infrakit.engine.group;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The default group controller as a plugin: {@code group-stateless}, which the manager fronts as {@code group}.
 * It reads its settings from the environment and runs on its own daemon threads: a few for reconciles and timers,
 * a bounded pool for plugin operations (which may block). Closing the controller stops them. Revisions and rollout
 * journals are kept under the home's {@code configs/revisions}.
 */
public final class GroupControllerProvider implements PluginProvider {

    public static final String NAME = "group-stateless";
    private static final int RECONCILE_THREADS = 2;
    private static final int OPERATION_THREADS = 32;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the default group controller: keeps groups at their size or logical IDs, rolls out changes";
    }

    @Override
    public PluginObjects create(PluginContext context) {
        ControllerSettings settings = ControllerSettings.fromEnvironment(context.environment());
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(RECONCILE_THREADS,
                DaemonThreads.named("group-reconcile"));
        scheduler.setRemoveOnCancelPolicy(true);
        int operationThreads = Math.max(OPERATION_THREADS, settings.maxParallel());
        ThreadPoolExecutor operations = new ThreadPoolExecutor(operationThreads, operationThreads, 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), DaemonThreads.named("group-operation"));
        operations.allowCoreThreadTimeOut(true);
        ScheduledExecutorService reconciles = scheduler;
        return PluginObjects.group(new DefaultGroupController(context.plugins(), context.clock(), reconciles,
                operations, settings, new FileJournalStore(InfrakitHome.at(context.home()).configsDir())));
    }
}
