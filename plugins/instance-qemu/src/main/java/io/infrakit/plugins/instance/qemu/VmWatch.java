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
 * While anyone listens, tells when a VM changes, so its group reconciles at once rather than at its next poll: when
 * QEMU reports an event that changes the VM ({@link QmpEvent#changesTheVm()}: the guest shut down, panicked, was
 * reset, stopped or resumed), when that event connection drops, and when the VM's process ends (it crashed, was
 * killed, or QEMU's events could not be read). It remembers the VMs whose guest QEMU said has ended, for describe.
 * The process watch alone would be slow: for a process that is not this JVM's child, as a daemonized QEMU never is,
 * the JDK looks for its end at intervals that grow up to 5 s.
 */
final class VmWatch {

    /** Follows the QMP events of a VM until the returned handle is closed. */
    interface EventSource {
        AutoCloseable follow(InstanceId id, long pid, Consumer<QmpEvent> events, Runnable lost);
    }

    private record Watched(CompletableFuture<?> told, AutoCloseable events) {
    }

    private final Function<Long, Optional<CompletableFuture<?>>> exitOf;
    private final Supplier<Map<InstanceId, Long>> running;
    private final EventSource eventSource;
    private final InstanceChangeListeners listeners = new InstanceChangeListeners(this::start, this::stop);
    private final Map<InstanceId, Watched> watched = new ConcurrentHashMap<>();
    private final Map<InstanceId, QmpEvent> ended = new ConcurrentHashMap<>();
    private boolean watching;

    /**
     * @param exitOf      the end of the VM process with this pid; empty when no such VM process runs
     * @param running     the pid of each VM that should be running, from the plugin's state files
     * @param eventSource the QMP events of a VM
     */
    VmWatch(Function<Long, Optional<CompletableFuture<?>>> exitOf, Supplier<Map<InstanceId, Long>> running,
            EventSource eventSource) {
        this.exitOf = exitOf;
        this.running = running;
        this.eventSource = eventSource;
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

    /** The event that ended this VM's guest while its process may still run; empty when none was seen. */
    Optional<QmpEvent> ended(InstanceId id) {
        return Optional.ofNullable(ended.get(id));
    }

    private synchronized void start() {
        watching = true;
        running.get().forEach(this::watch);
    }

    private synchronized void stop() {
        watching = false;
        watched.values().forEach(VmWatch::cancel);
        watched.clear();
        ended.clear();
    }

    /** False when the process runs no more. */
    private boolean watch(InstanceId id, long pid) {
        Optional<CompletableFuture<?>> exit = exitOf.apply(pid);
        if (exit.isEmpty()) {
            return false;
        }
        CompletableFuture<?> told = new CompletableFuture<>();
        AutoCloseable events = eventSource.follow(id, pid, event -> {
            if (event.endsTheGuest()) {
                ended.put(id, event);
            }
            if (event.changesTheVm()) {
                listeners.tell(InstancesChanged.of(id));
            }
        }, () -> listeners.tell(InstancesChanged.of(id)));
        Watched watch = new Watched(told, events);
        watched.put(id, watch);
        exit.get().whenComplete((result, failure) -> {
            if (watched.remove(id, watch) && told.complete(null)) {
                cancel(watch);
                ended.remove(id);
                listeners.tell(InstancesChanged.of(id));
            }
        });
        return true;
    }

    private static void cancel(Watched watch) {
        watch.told().cancel(false);
        try {
            watch.events().close();
        } catch (Exception e) {
            // nothing is followed any more either way
        }
    }
}
