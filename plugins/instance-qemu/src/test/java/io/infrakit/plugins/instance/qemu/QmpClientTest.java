package io.infrakit.plugins.instance.qemu;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The QMP conversation against a scripted peer on a unix socket: QEMU's greeting, answers, events and silence. */
class QmpClientTest {

    private static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"major\": 7}}, \"capabilities\": []}}";

    @TempDir
    Path work;

    private ServerSocketChannel server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeTheServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void negotiatesCapabilitiesAndSkipsEventsBeforeTheAnswer() throws IOException {
        Path socket = serve(Map.of(
                "qmp_capabilities", "{\"return\": {}}",
                "query-status", "{\"event\": \"RESUME\", \"data\": {}}\n{\"return\": {\"status\": \"running\"}}"));

        try (QmpClient client = QmpClient.connect(socket, Duration.ofSeconds(2))) {
            assertThat(client.execute("query-status").path("status").asText()).isEqualTo("running");
        }
        assertThat(received).containsExactly("{\"execute\":\"qmp_capabilities\"}", "{\"execute\":\"query-status\"}");
    }

    @Test
    void anErrorAnswerBecomesAnExceptionWithItsDescription() throws IOException {
        Path socket = serve(Map.of("qmp_capabilities", "{\"return\": {}}",
                "system_powerdown", "{\"error\": {\"class\": \"GenericError\", \"desc\": \"no ACPI\"}}"));

        try (QmpClient client = QmpClient.connect(socket, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> client.execute("system_powerdown")).isInstanceOf(IOException.class)
                    .hasMessage("system_powerdown: no ACPI");
        }
    }

    @Test
    void aSilentPeerTimesOutInsteadOfHanging() throws IOException {
        Path socket = serve(Map.of("qmp_capabilities", "{\"return\": {}}"));

        try (QmpClient client = QmpClient.connect(socket, Duration.ofMillis(300))) {
            assertThatThrownBy(() -> client.execute("query-status")).isInstanceOf(IOException.class)
                    .hasMessageContaining("no answer from QMP within 300 ms");
        }
    }

    @Test
    void aSocketWithNobodyListeningFailsAtOnce() {
        assertThatThrownBy(() -> QmpClient.connect(work.resolve("nobody.sock"), Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void eventsInterleavedWithAnswersAreReadInOrderAndAnswersAreSkipped() throws IOException {
        Path socket = work.resolve("events.sock");
        try (FakeQmpPeer peer = FakeQmpPeer.serve(socket, FakeQmpPeer.Conversation.thenHangUp(
                "{\"event\": \"POWERDOWN\", \"data\": {}}\n"
                        + "{\"return\": {\"status\": \"running\"}}\n\n"
                        + "{\"event\": \"SHUTDOWN\", \"data\": {\"guest\": true, \"reason\": \"guest-shutdown\","
                        + " \"info\": {\"nested\": 1}}}\n"));
             QmpClient client = QmpClient.connect(socket, Duration.ofSeconds(2))) {

            assertThat(client.nextEvent()).isEqualTo(new QmpEvent("POWERDOWN", Map.of()));
            assertThat(client.nextEvent()).isEqualTo(new QmpEvent("SHUTDOWN",
                    Map.of("guest", "true", "reason", "guest-shutdown")));
            assertThatThrownBy(client::nextEvent).isInstanceOf(IOException.class)
                    .hasMessage("QMP closed the connection");
        }
    }

    @Test
    void garbageIsAnErrorThatQuotesAShortPieceOfIt() throws IOException {
        Path socket = work.resolve("events.sock");
        try (FakeQmpPeer peer = FakeQmpPeer.serve(socket,
                FakeQmpPeer.Conversation.thenHold("{\"event\": \"STOP\"}\n\u0007garbage " + "y".repeat(500) + "\n"));
             QmpClient client = QmpClient.connect(socket, Duration.ofSeconds(2))) {

            assertThat(client.nextEvent().name()).isEqualTo("STOP");
            assertThatThrownBy(client::nextEvent).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("QMP sent what is not JSON: ?garbage yyy")
                    .hasMessageEndingWith("...").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(130));
        }
    }

    @Test
    void jsonThatIsNoObjectIsAnError() throws IOException {
        Path socket = work.resolve("events.sock");
        try (FakeQmpPeer peer = FakeQmpPeer.serve(socket, FakeQmpPeer.Conversation.thenHold("[1, 2]\n"));
             QmpClient client = QmpClient.connect(socket, Duration.ofSeconds(2))) {

            assertThatThrownBy(client::nextEvent).isInstanceOf(IOException.class)
                    .hasMessage("QMP sent what is not a JSON object: [1, 2]");
        }
    }

    @Test
    void aLineOverTheLimitIsAnErrorAsSoonAsTheLimitIsPassed() throws IOException {
        Path socket = work.resolve("events.sock");
        String endless = "{\"event\": \"" + "x".repeat(QmpClient.MAX_LINE_BYTES * 16);
        try (FakeQmpPeer peer = FakeQmpPeer.serve(socket, FakeQmpPeer.Conversation.thenHold(endless));
             QmpClient client = QmpClient.connect(socket, Duration.ofSeconds(2))) {

            assertThatThrownBy(client::nextEvent).isInstanceOf(IOException.class)
                    .hasMessage("QMP sent a line longer than " + QmpClient.MAX_LINE_BYTES + " bytes");
        }
    }

    @Test
    void aGreetingThatIsNotQmpIsRefused() throws IOException {
        Path socket = work.resolve("other.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture.runAsync(() -> {
            try (SocketChannel peer = server.accept(); OutputStream out = Channels.newOutputStream(peer)) {
                out.write("{\"hello\": \"smtp\"}\n".getBytes(StandardCharsets.UTF_8));
                peer.read(java.nio.ByteBuffer.allocate(1));
            } catch (IOException e) {
                // the client hung up
            }
        });

        assertThatThrownBy(() -> QmpClient.connect(socket, Duration.ofSeconds(2))).isInstanceOf(IOException.class)
                .hasMessage("not a QMP greeting: {\"hello\":\"smtp\"}");
    }

    @Test
    void closingFromAnotherThreadEndsAWaitForEvents() throws Exception {
        Path socket = work.resolve("events.sock");
        try (FakeQmpPeer peer = FakeQmpPeer.serve(socket, FakeQmpPeer.Conversation.thenHold(""))) {
            QmpClient client = QmpClient.connect(socket, Duration.ofSeconds(2));
            CompletableFuture<QmpEvent> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.nextEvent();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            client.close();

            assertThatThrownBy(() -> waiting.get(5, java.util.concurrent.TimeUnit.SECONDS))
                    .hasCauseInstanceOf(java.io.UncheckedIOException.class)
                    .hasRootCauseMessage("QMP connection closed");
        }
    }

    /** Greets, then answers each command it knows with its line(s) and ignores the others. */
    private Path serve(Map<String, String> answers) throws IOException {
        Path socket = work.resolve("qmp.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture.runAsync(() -> {
            try (SocketChannel peer = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(peer),
                         StandardCharsets.UTF_8));
                 OutputStream out = Channels.newOutputStream(peer)) {
                out.write((GREETING + "\n").getBytes(StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    received.add(line);
                    String command = line.replaceAll(".*\"execute\":\"([^\"]+)\".*", "$1");
                    if (answers.containsKey(command)) {
                        out.write((answers.get(command) + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // the client hung up
            }
        });
        return socket;
    }
}
