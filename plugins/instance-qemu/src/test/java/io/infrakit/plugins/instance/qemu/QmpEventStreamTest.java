package io.infrakit.plugins.instance.qemu;

import io.infrakit.plugins.instance.qemu.FakeQmpPeer.Conversation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A VM's event stream against a scripted QMP peer on a real unix socket: events, hang-ups, garbage, reconnects. */
class QmpEventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String STOP = "{\"event\": \"STOP\", \"data\": {}, \"timestamp\": {\"seconds\": 1}}\n";
    private static final String RESUME = "{\"event\": \"RESUME\", \"data\": {}}\n";
    private static final String SHUTDOWN =
            "{\"event\": \"SHUTDOWN\", \"data\": {\"guest\": true, \"reason\": \"guest-shutdown\"}}\n";

    @TempDir
    Path work;

    private final List<QmpEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicBoolean vmRuns = new AtomicBoolean(true);

    @Test
    void eventsArriveInOrderAndAHangUpIsToldThenTheStreamReconnects() throws Exception {
        Path socket = work.resolve("events.sock");
        try (FakeQmpPeer peer = FakeQmpPeer.serve(socket, Conversation.thenHangUp(STOP + RESUME),
                Conversation.thenHold(SHUTDOWN));
             QmpEventStream stream = follow(socket)) {

            await().atMost(WAIT).until(() -> events.size() == 3);

            assertThat(events).extracting(QmpEvent::name).containsExactly("STOP", "RESUME", "SHUTDOWN");
            assertThat(events.get(2).data()).containsEntry("reason", "guest-shutdown").containsEntry("guest", "true");
            assertThat(lost).hasValue(1);
            assertThat(peer.connections()).isEqualTo(2);
            assertThat(peer.received()).containsExactly("{\"execute\":\"qmp_capabilities\"}",
                    "{\"execute\":\"qmp_capabilities\"}");
        }
    }

    @Test
    void garbageEndsTheConnectionAsLostAndTheEventsBeforeItStillCount() throws Exception {
        Path socket = work.resolve("events.sock");
        try (FakeQmpPeer peer = FakeQmpPeer.serve(socket, Conversation.thenHold(STOP + "not json at all\n" + RESUME),
                Conversation.thenHold(RESUME));
             QmpEventStream stream = follow(socket)) {

            await().atMost(WAIT).until(() -> peer.connections() == 2 && events.size() == 2);

            assertThat(events).extracting(QmpEvent::name).containsExactly("STOP", "RESUME");
            assertThat(lost).hasValue(1);
        }
    }

    @Test
    void aLineLongerThanTheLimitEndsTheConnectionWithoutWaitingForItsEnd() throws Exception {
        Path socket = work.resolve("events.sock");
        String endless = "{\"event\": \"" + "x".repeat(QmpClient.MAX_LINE_BYTES * 4);
        try (FakeQmpPeer peer = FakeQmpPeer.serve(socket, Conversation.thenHold(STOP + endless),
                Conversation.thenHold(RESUME));
             QmpEventStream stream = follow(socket)) {

            await().atMost(WAIT).until(() -> events.size() == 2);

            assertThat(events).extracting(QmpEvent::name).containsExactly("STOP", "RESUME");
            assertThat(lost).hasValue(1);
        }
    }

    @Test
    void aConnectionLostOnceTheVmHasEndedIsNotMadeAgain() throws Exception {
        Path socket = work.resolve("events.sock");
        vmRuns.set(false);
        try (FakeQmpPeer peer = FakeQmpPeer.serve(socket, Conversation.thenHangUp(SHUTDOWN));
             QmpEventStream stream = follow(socket)) {

            await().atMost(WAIT).until(() -> lost.get() == 1);
            await().during(QmpEventStream.FIRST_PAUSE.multipliedBy(4)).atMost(WAIT)
                    .until(() -> peer.connections() == 1);
            assertThat(events).extracting(QmpEvent::name).containsExactly("SHUTDOWN");
        }
    }

    @Test
    void closingStopsAWaitingStreamWithoutTellingALoss() throws Exception {
        Path socket = work.resolve("events.sock");
        try (FakeQmpPeer peer = FakeQmpPeer.serve(socket, Conversation.thenHold(STOP))) {
            QmpEventStream stream = follow(socket);
            await().atMost(WAIT).until(() -> events.size() == 1);

            stream.close();

            await().during(QmpEventStream.FIRST_PAUSE.multipliedBy(4)).atMost(WAIT)
                    .until(() -> peer.connections() == 1 && lost.get() == 0);
        }
    }

    private QmpEventStream follow(Path socket) {
        return QmpEventStream.follow("qemu-00000001", socket, vmRuns::get, events::add, lost::incrementAndGet);
    }
}
