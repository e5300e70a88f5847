package io.infrakit.plugins.instance.qemu;

import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancesChanged;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The end of a VM's process is told to the subscribers, with processes faked by futures (no VM runs here). */
class VmExitWatchTest {

    private static final InstanceId FIRST = InstanceId.of("qemu-00000001");
    private static final InstanceId SECOND = InstanceId.of("qemu-00000002");

    private final Map<Long, CompletableFuture<?>> processes = new HashMap<>();
    private final Map<InstanceId, Long> stateFiles = new HashMap<>();
    private final VmExitWatch watch = new VmExitWatch(pid -> Optional.ofNullable(processes.get(pid)),
            () -> Map.copyOf(stateFiles));
    private final List<InstancesChanged> notices = new ArrayList<>();

    @Test
    void aVmRunningWhenTheSubscriberCameIsToldWhenItsProcessEnds() {
        vm(FIRST, 101);
        vm(SECOND, 102);
        watch.subscribe(notices::add);

        end(101);

        assertThat(notices).containsExactly(InstancesChanged.of(FIRST));
    }

    @Test
    void aVmStartedLaterIsWatchedToo() {
        watch.subscribe(notices::add);
        processes.put(103L, new CompletableFuture<>());
        watch.started(SECOND, 103);

        end(103);

        assertThat(notices).containsExactly(InstancesChanged.of(SECOND));
    }

    @Test
    void aVmWhoseProcessEndedBeforeItWasWatchedIsToldAtOnce() {
        watch.subscribe(notices::add);

        watch.started(FIRST, 104);

        assertThat(notices).containsExactly(InstancesChanged.of(FIRST));
    }

    @Test
    void nothingIsToldOnceTheLastSubscriptionIsClosed() {
        vm(FIRST, 101);
        InstanceChangeNotices.Subscription subscription = watch.subscribe(notices::add);
        processes.put(103L, new CompletableFuture<>());

        subscription.close();
        watch.started(SECOND, 103);
        end(101);
        end(103);

        assertThat(notices).isEmpty();
    }

    @Test
    void aSecondSubscriptionAfterTheFirstClosedWatchesTheVmsAgain() {
        vm(FIRST, 101);
        watch.subscribe(notices::add).close();

        watch.subscribe(notices::add);
        end(101);

        assertThat(notices).containsExactly(InstancesChanged.of(FIRST));
    }

    private void vm(InstanceId id, long pid) {
        processes.put(pid, new CompletableFuture<>());
        stateFiles.put(id, pid);
    }

    private void end(long pid) {
        processes.get(pid).complete(null);
    }
}
