package io.infrakit.engine.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.RemoteGroupPlugin;
import io.infrakit.rpc.RemoteInstancePlugin;
import io.infrakit.spi.Any;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.testkit.FakeInstancePlugin;
import io.infrakit.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.infrakit.testkit.TestPlugins.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manager in this JVM, its plugins reached over their real unix sockets. */
class ManagerIT {

    Path root;
    InfrakitHome home;
    final RecordingGroupPlugin backend = new RecordingGroupPlugin();
    final FakeInstancePlugin instances = new FakeInstancePlugin();

    @BeforeEach
    void shortHome() throws IOException {
        root = Files.createTempDirectory(Path.of("/tmp"), "ik-mgr");
        home = InfrakitHome.at(root);
    }

    @AfterEach
    void removeHome() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void servesEveryPluginOnAPrivateSocketAndCleansUpOnClose() throws Exception {
        try (Manager manager = start()) {
            assertThat(manager.plugins()).extracting(ServedPlugin::name)
                    .containsExactly("fake", "group-stateless", "group");
            for (ServedPlugin plugin : manager.plugins()) {
                assertThat(Files.getPosixFilePermissions(plugin.socket()))
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
            assertThat(Files.getPosixFilePermissions(home.pluginsDir()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));

            RemoteInstancePlugin remote = new RemoteInstancePlugin(
                    new PluginClient("fake", home.pluginsDir().resolve("fake")), PluginName.of("fake"));
            remote.provision(InstanceSpec.of(Any.parse("{\"a\":1}"), Map.of("k", "v")));
            assertThat(instances.instances()).hasSize(1);
        }
        try (Stream<Path> left = Files.list(home.pluginsDir())) {
            assertThat(left).as("sockets and pid files after close").isEmpty();
        }
        assertThat(home.managerPidFile()).doesNotExist();
        assertThat(home.managerReadyFile()).doesNotExist();
    }

    @Test
    void commitsThroughTheSocketAreStoredAndCommittedAgainAfterARestart() {
        GroupSpec workers = new GroupSpec(GroupId.of("workers"), Any.parse("{\"Allocation\":{\"Size\":2}}"));
        try (Manager manager = start()) {
            String details = group().commitGroup(workers, false);
            assertThat(details).isEqualTo("Managing workers");
        }
        backend.calls.clear();

        try (Manager restarted = start()) {
            assertThat(backend.calls).containsExactly(
                    "commit workers {\"Allocation\":{\"Size\":2}}", "commit workers {\"Allocation\":{\"Size\":2}}");
            assertThat(group().inspectGroups()).containsExactly(workers);
        }
    }

    @Test
    void aSecondManagerOnTheSameHomeIsRefused() {
        try (Manager manager = start()) {
            assertThatThrownBy(this::start)
                    .isInstanceOf(ManagerAlreadyRunningException.class)
                    .hasMessageContaining("(pid " + ProcessHandle.current().pid() + ")");
            assertThat(manager.plugins()).isNotEmpty();
        }
    }

    @Test
    void socketsLeftByAKilledManagerAreReplaced() throws Exception {
        Files.createDirectories(home.pluginsDir());
        Path stale = home.pluginsDir().resolve("fake");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale));
        }
        Files.writeString(home.pluginsDir().resolve("fake.pid"), "999999\n");
        assertThat(stale).exists();

        try (Manager manager = start()) {
            RemoteInstancePlugin remote = new RemoteInstancePlugin(
                    new PluginClient("fake", stale), PluginName.of("fake"));
            assertThat(remote.describeInstances(Map.of(), false)).isEmpty();
            assertThat(Files.readString(home.pluginsDir().resolve("fake.pid")).trim())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void theHalfWrittenFilesOfAKilledManagerAreRemovedAndItsOwnFilesKept() throws Exception {
        Path revisions = Files.createDirectories(home.configsDir().resolve("revisions/workers"));
        Files.writeString(revisions.resolve("journal.json"), "{}");
        List<Path> halfWritten = List.of(root.resolve(".manager.pid3344556677.tmp"),
                home.configsDir().resolve(".global.config9012345678901.tmp"),
                revisions.resolve(".journal.json8413393520179861234.tmp"));
        for (Path file : halfWritten) {
            Files.writeString(file, "half");
        }

        try (Manager manager = start()) {
            assertThat(halfWritten).allSatisfy(file -> assertThat(file).doesNotExist());
            assertThat(revisions.resolve("journal.json")).hasContent("{}");
        }
    }

    private RemoteGroupPlugin group() {
        return new RemoteGroupPlugin(new PluginClient("group", home.pluginsDir().resolve("group")), PluginName.of("group"));
    }

    private Manager start() {
        return Manager.start(home, PluginRegistry.of(List.of(
                provider("fake", PluginObjects.instance(instances)),
                provider("group-stateless", PluginObjects.group(backend)))), Map.of(), new ManualClock());
    }
}
