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
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of a VM's process and QEMU's events are told to the subscribers, with processes faked by futures and event
 * streams by the callbacks the watch hands over (no VM runs here).
 */
class VmWatchTest {

    private static final InstanceId FIRST = InstanceId.of("qemu-00000001");
    private static final InstanceId SECOND = InstanceId.of("qemu-00000002");

    private final Map<Long, CompletableFuture<?>> processes = new HashMap<>();
    private final Map<InstanceId, Long> stateFiles = new HashMap<>();
    private final Map<InstanceId, Consumer<QmpEvent>> eventsOf = new HashMap<>();
    private final Map<InstanceId, Runnable> lostOf = new HashMap<>();
    private final List<InstanceId> followed = new ArrayList<>();
    private final VmWatch watch = new VmWatch(pid -> Optional.ofNullable(processes.get(pid)),
            () -> Map.copyOf(stateFiles), (id, pid, events, lost) -> {
                eventsOf.put(id, events);
                lostOf.put(id, lost);
                followed.add(id);
                return () -> followed.remove(id);
            });
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

    @Test
    void anEventThatChangesTheVmIsToldAndOneThatEndsItsGuestIsRemembered() {
        vm(FIRST, 101);
        watch.subscribe(notices::add);

        eventsOf.get(FIRST).accept(new QmpEvent("POWERDOWN", Map.of()));
        assertThat(notices).as("the button alone changes nothing yet").isEmpty();
        assertThat(watch.ended(FIRST)).isEmpty();

        QmpEvent shutdown = new QmpEvent("SHUTDOWN", Map.of("guest", "true", "reason", "guest-shutdown"));
        eventsOf.get(FIRST).accept(shutdown);

        assertThat(notices).containsExactly(InstancesChanged.of(FIRST));
        assertThat(watch.ended(FIRST)).contains(shutdown);
        assertThat(watch.ended(SECOND)).isEmpty();
    }

    @Test
    void aPausedAndResumedGuestIsToldTwiceButNotRememberedAsEnded() {
        vm(FIRST, 101);
        watch.subscribe(notices::add);

        eventsOf.get(FIRST).accept(new QmpEvent("STOP", Map.of()));
        eventsOf.get(FIRST).accept(new QmpEvent("RESUME", Map.of()));

        assertThat(notices).containsExactly(InstancesChanged.of(FIRST), InstancesChanged.of(FIRST));
        assertThat(watch.ended(FIRST)).isEmpty();
    }

    @Test
    void aLostEventConnectionIsToldAsAHint() {
        vm(FIRST, 101);
        watch.subscribe(notices::add);

        lostOf.get(FIRST).run();

        assertThat(notices).containsExactly(InstancesChanged.of(FIRST));
    }

    @Test
    void theEventsOfAVmAreFollowedUntilItsProcessEndsOrTheLastSubscriberLeaves() {
        vm(FIRST, 101);
        vm(SECOND, 102);
        InstanceChangeNotices.Subscription subscription = watch.subscribe(notices::add);
        assertThat(followed).containsExactlyInAnyOrder(FIRST, SECOND);
        eventsOf.get(FIRST).accept(new QmpEvent("SHUTDOWN", Map.of()));

        end(101);
        assertThat(followed).containsExactly(SECOND);
        assertThat(watch.ended(FIRST)).as("a VM whose process ended is described by that").isEmpty();

        subscription.close();
        assertThat(followed).isEmpty();
    }

    private void vm(InstanceId id, long pid) {
        processes.put(pid, new CompletableFuture<>());
        stateFiles.put(id, pid);
    }

    private void end(long pid) {
        processes.get(pid).complete(null);
    }
}
