package io.infrakit.plugins.instance.qemu;

import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancesChanged;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * While anyone listens, tells when a VM's QEMU process ends (the VM crashed, powered off or was killed), so its
 * group replaces it at once rather than at its next poll. It holds no QMP connection for QEMU's events: QEMU's
 * QMP socket serves one client at a time, and the plugin's own commands need it. For a process that is not this
 * JVM's child, as a daemonized QEMU never is, the JDK looks for its end at intervals that grow up to 5 s.
 */
final class VmExitWatch {

    private final Function<Long, Optional<CompletableFuture<?>>> exitOf;
    private final Supplier<Map<InstanceId, Long>> running;
    private final InstanceChangeListeners listeners = new InstanceChangeListeners(this::start, this::stop);
    private final Map<InstanceId, CompletableFuture<?>> watched = new ConcurrentHashMap<>();
    private boolean watching;

    /**
     * @param exitOf  the end of the VM process with this pid; empty when no such VM process runs
     * @param running the pid of each VM that should be running, from the plugin's state files
     */
    VmExitWatch(Function<Long, Optional<CompletableFuture<?>>> exitOf, Supplier<Map<InstanceId, Long>> running) {
        this.exitOf = exitOf;
        this.running = running;
    }

    InstanceChangeNotices.Subscription subscribe(Consumer<InstancesChanged> listener) {
        return listeners.subscribe(listener);
    }

    /** A VM the plugin just started: watched too, if anyone listens; told at once if it has ended already. */
    void started(InstanceId id, long pid) {
        boolean ended;
        synchronized (this) {
            ended = watching && !watch(id, pid);
        }
        if (ended) {
            listeners.tell(InstancesChanged.of(id));
        }
    }

    private synchronized void start() {
        watching = true;
        running.get().forEach(this::watch);
    }

    private synchronized void stop() {
        watching = false;
        watched.values().forEach(told -> told.cancel(false));
        watched.clear();
    }

    /** False when the process runs no more. */
    private boolean watch(InstanceId id, long pid) {
        Optional<CompletableFuture<?>> exit = exitOf.apply(pid);
        if (exit.isEmpty()) {
            return false;
        }
        CompletableFuture<?> told = new CompletableFuture<>();
        watched.put(id, told);
        exit.get().whenComplete((ended, failure) -> {
            if (watched.remove(id, told) && told.complete(null)) {
                listeners.tell(InstancesChanged.of(id));
            }
        });
        return true;
    }
}
