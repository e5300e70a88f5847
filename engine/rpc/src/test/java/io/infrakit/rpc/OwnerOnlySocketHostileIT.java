package io.infrakit.rpc;

import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.OtherUser;
import io.infrakit.testkit.wire.RawUnixHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another local user (uid 65534) against our plugin sockets in a directory everyone may write to, as a shared
 * INFRAKIT_PLUGINS_DIR can be: it never gets an answer, neither while a server starts under umask 000 nor from a
 * socket whose permissions were opened afterwards (then the peer-uid check alone refuses it).
 */
class OwnerOnlySocketHostileIT {

    private static final int RESTARTS = 40;
    private static final long SERVING_MILLIS = 50;

    private Path shared;

    /**
     * The child JVM: starts a plugin server on the socket, serves a moment (a connection made while it started
     * would be answered then), stops it, again and again; then prints "done".
     */
    public static void main(String[] args) throws InterruptedException {
        Path socket = Path.of(args[0]);
        for (int restart = 0; restart < RESTARTS; restart++) {
            try (PluginServer server = PluginServer.start(socket, PluginObjects.instance(new FakeInstancePlugin("i-")))) {
                Thread.sleep(SERVING_MILLIS);
            }
        }
        System.out.println("done");
    }

    @BeforeAll
    static void anotherUserIsAvailable() {
        OtherUser.requireAvailable();
    }

    @BeforeEach
    void sharedDirectory() throws IOException {
        // Not under @TempDir, which is 0700: the other user must be able to reach the socket's directory.
        shared = Files.createTempDirectory(Path.of("/tmp"), "shared-plugins");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterEach
    void removeSharedDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(shared)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void serversStartingUnderUmask000NeverAnswerAnotherUser() throws Exception {
        Path socket = shared.resolve("sim");
        OtherUser.ConnectLoop attacker = OtherUser.connectLoop(List.of(socket.toString(), shared + "/"));
        Process restarts = new ProcessBuilder("/bin/sh", "-c", "umask 000; exec \"$0\" \"$@\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OwnerOnlySocketHostileIT.class.getName(),
                socket.toString())
                .redirectErrorStream(true).start();
        String output = new String(restarts.getInputStream().readAllBytes());
        assertThat(restarts.waitFor(120, TimeUnit.SECONDS)).isTrue();
        attacker.close();

        assertThat(output).as("the child's output").contains("done");
        assertThat(attacker.attempts()).as("connections the other user tried").isPositive();
        assertThat(attacker.connected()).as("connections the kernel let through (the socket is 0600 from the "
                + "moment it appears)").isZero();
        assertThat(attacker.answers()).as("answers the other user got").isEmpty();
        try (Stream<Path> left = Files.list(shared)) {
            assertThat(left).as("what the servers left in the directory").isEmpty();
        }
    }

    @Test
    void theOwnerIsServedAndAnotherUserIsRefusedEvenWithTheSocketOpenToAll() throws Exception {
        Path socket = shared.resolve("sim");
        try (PluginServer server = PluginServer.start(socket, PluginObjects.instance(new FakeInstancePlugin("i-")))) {
            assertThat(mode(socket)).isEqualTo("rw-------");
            assertThat(mode(server.pidFile())).isEqualTo("rw-------");
            try (Stream<Path> files = Files.list(shared)) {
                assertThat(files).as("no private bind directory is left").containsExactlyInAnyOrder(
                        socket, server.pidFile());
            }

            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
            OtherUser.Result other = OtherUser.run("curl -q -s -o /dev/null -w '%{http_code}' --max-time 5 "
                    + "--unix-socket \"$1\" http://infrakit/info/api.json; echo \" exit $?\"", socket.toString());

            // 7: closed before curl could send, 52: closed, 56: reset; never an HTTP status
            assertThat(other.output()).as("the other user's HTTP status and curl's exit")
                    .matches("000 exit (7|52|56)\\s*");
            OtherUser.ConnectLoop attacker = OtherUser.connectLoop(List.of(socket.toString()));
            TimeUnit.MILLISECONDS.sleep(500);
            attacker.close();
            assertThat(attacker.connected()).as("connections the kernel let through").isPositive();
            assertThat(attacker.answers()).as("answers the other user got").isEmpty();
            assertThat(RawUnixHttp.get(socket, RpcHttpHandler.API_PATH).status()).as("the owner").isEqualTo(200);
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
