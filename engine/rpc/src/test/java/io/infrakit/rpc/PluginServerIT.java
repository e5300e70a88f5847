package io.infrakit.rpc;

import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The files a plugin server keeps in the plugins directory, and how it treats those it finds there. */
class PluginServerIT {

    @TempDir
    Path directory;

    private final PluginObjects objects = PluginObjects.instance(new FakeInstancePlugin("i-"));

    @Test
    void theSocketIsPrivateAndThePidFileNamesThisProcess() throws Exception {
        Path socket = directory.resolve("sim");
        try (PluginServer server = PluginServer.start(socket, objects)) {
            assertThat(server.name()).isEqualTo("sim");
            assertThat(SocketFiles.isSocket(socket)).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            assertThat(server.pidFile()).isEqualTo(directory.resolve("sim.pid"));
            assertThat(Files.readString(server.pidFile())).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
            assertThat(server.removedStaleSocket()).isEmpty();
        }

        assertThat(socket).doesNotExist();
        assertThat(directory.resolve("sim.pid")).doesNotExist();
    }

    @Test
    void closingTwiceIsHarmless() {
        PluginServer server = PluginServer.start(directory.resolve("sim"), objects);

        server.close();
        server.close();

        assertThat(directory.resolve("sim")).doesNotExist();
    }

    @Test
    void aMissingDirectoryIsCreatedForTheOwnerOnly() throws Exception {
        Path plugins = directory.resolve("plugins");
        try (PluginServer server = PluginServer.start(plugins.resolve("sim"), objects)) {
            assertThat(server.socket().getParent()).isEqualTo(plugins);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plugins))).isEqualTo("rwx------");
        }
    }

    @Test
    void aStaleSocketIsRemovedAndReported() throws Exception {
        Path socket = directory.resolve("sim");
        leaveStaleSocket(socket);
        Files.writeString(directory.resolve("sim.pid"), "999999");

        try (PluginServer server = PluginServer.start(socket, objects)) {
            assertThat(server.removedStaleSocket()).contains(socket);
            assertThat(Files.readString(server.pidFile())).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
            assertThat(new PluginClient("sim", socket).hello()).hasSize(1);
        }
    }

    @Test
    void aSecondServerOnALiveSocketIsRefusedNamingTheRunningPid() {
        Path socket = directory.resolve("sim");
        try (PluginServer server = PluginServer.start(socket, objects)) {
            assertThatThrownBy(() -> PluginServer.start(socket, objects))
                    .isInstanceOf(PluginAlreadyRunningException.class)
                    .hasMessage("plugin 'sim' is already running (pid " + ProcessHandle.current().pid()
                            + ", socket " + socket + ")");
            assertThat(server.socket()).isEqualTo(socket).exists();
        }
    }

    @Test
    void anotherProcessListeningIsNamedByItsPidFile() throws Exception {
        Path socket = directory.resolve("sim");
        try (ServerSocketChannel foreign = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            foreign.bind(UnixDomainSocketAddress.of(socket));
            Files.writeString(directory.resolve("sim.pid"), "4242\n");

            assertThatThrownBy(() -> PluginServer.start(socket, objects))
                    .isInstanceOfSatisfying(PluginAlreadyRunningException.class,
                            e -> assertThat(e.pid()).contains(4242L))
                    .hasMessage("plugin 'sim' is already running (pid 4242, socket " + socket + ")");
        } finally {
            Files.deleteIfExists(socket);
        }
    }

    @Test
    void aFileThatIsNotASocketIsLeftAlone() throws Exception {
        Path socket = directory.resolve("sim");
        Files.writeString(socket, "my notes");

        assertThatThrownBy(() -> PluginServer.start(socket, objects))
                .isInstanceOf(PluginServerException.class)
                .hasMessage("cannot start plugin 'sim': " + socket + " exists and is not a socket");
        assertThat(Files.readString(socket)).isEqualTo("my notes");
    }

    @Test
    void aPathTooLongForAUnixSocketIsRefusedClearly() {
        Path socket = directory.resolve("d".repeat(60)).resolve("s".repeat(60));

        assertThatThrownBy(() -> PluginServer.start(socket, objects))
                .isInstanceOf(PluginServerException.class)
                .hasMessageStartingWith("cannot start plugin '" + "s".repeat(60) + "': socket path " + socket)
                .hasMessageContaining("is too long for a unix socket")
                .hasMessageContaining("at most 107");
    }

    @Test
    void aClientKeepsWorkingWhenThePluginIsRestarted() {
        Path socket = directory.resolve("sim");
        PluginClient client = new PluginClient("sim", socket);
        for (int restart = 0; restart < 20; restart++) {
            try (PluginServer server = PluginServer.start(socket, objects)) {
                assertThat(client.hello()).as("after restart %d of %s", restart, server.name()).hasSize(1);
            }
        }
    }

    static void leaveStaleSocket(Path socket) throws Exception {
        // Closing a bound unix server channel keeps its file: exactly what a killed plugin leaves behind.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
    }
}
