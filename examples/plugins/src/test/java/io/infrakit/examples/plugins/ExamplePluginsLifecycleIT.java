package io.infrakit.examples.plugins;

import io.infrakit.examples.plugins.ExamplePlugin.Language;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a user sees of an example plugin's process: a private socket, calls served in parallel, a stale socket
 * taken over, a second plugin of the same name refused while the first serves on, and SIGTERM removing the socket.
 */
class ExamplePluginsLifecycleIT {

    private final List<ExamplePlugin> started = new ArrayList<>();
    private Path root;

    @AfterEach
    void stop() {
        try {
            started.forEach(ExamplePlugin::close);
        } finally {
            ExamplePlugin.deleteTree(root);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theSocketIsPrivateAndSigtermRemovesIt(Language language) throws IOException {
        ExamplePlugin plugin = start(language, "private");

        assertThat(Files.getPosixFilePermissions(plugin.socket(), LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(plugin.socket().getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(plugin.socket().getParent())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("nothing left of the private directory it was bound in").containsExactly("private");
        }

        assertThat(plugin.stop()).isZero();
        assertThat(plugin.socket()).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void parallelCallsEachGetTheirOwnInstance(Language language) throws Exception {
        InstancePlugin remote = start(language, "parallel").remote();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<InstanceId>> provisions = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                provisions.add(callers.submit(() -> remote.provision(
                        InstanceSpec.of(Any.parse("{\"image\": \"alpine\"}"), Map.of("group", "parallel")))));
            }
            List<InstanceId> ids = new ArrayList<>();
            for (Future<InstanceId> provision : provisions) {
                ids.add(provision.get(30, TimeUnit.SECONDS));
            }
            assertThat(new HashSet<>(ids)).hasSize(24);
            List<Future<?>> labels = new ArrayList<>();
            for (InstanceId id : ids) {
                labels.add(callers.submit(() -> remote.label(id, Map.of("labelled", "yes"))));
            }
            for (Future<?> label : labels) {
                label.get(30, TimeUnit.SECONDS);
            }
            assertThat(remote.describeInstances(Map.of("group", "parallel", "labelled", "yes"), false))
                    .extracting(InstanceDescription::id).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            callers.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aStaleSocketIsTakenOverAndALiveOneIsNot(Language language) throws Exception {
        root = ExamplePlugin.shortTempDirectory("ik-exl");
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        Path stale = plugins.resolve("stale");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(stale));
        }
        assertThat(stale).as("a socket left by a killed plugin").exists();

        ExamplePlugin taker = started(ExamplePlugin.start(language, "stale", plugins, root.resolve("instances")));
        assertThat(taker.client().hello()).isNotEmpty();

        ExamplePlugin second = started(ExamplePlugin.launch(language, "stale", plugins, root.resolve("other")));
        await().atMost(ExamplePlugin.START_WITHIN).until(() -> !second.process().isAlive());
        assertThat(second.process().exitValue()).isNotZero();
        assertThat(second.log().strip()).hasLineCount(1).contains("already running on " + stale);
        assertThat(taker.client().hello()).as("the first serves on").isNotEmpty();
        assertThat(stale).exists();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void afterKillNineARestartServesTheSameInstancesAndClearsHalfWrittenFiles(Language language) throws Exception {
        ExamplePlugin killed = start(language, "restarted");
        InstanceSpec spec = InstanceSpec.of(Any.parse("{\"image\": \"alpine\"}"), Map.of("group", "kept"));
        List<InstanceId> ids = List.of(killed.remote().provision(spec), killed.remote().provision(spec));
        List<ProcessHandle> servingConnections = killed.process().descendants().toList();
        killed.process().destroyForcibly();
        killed.process().waitFor(ExamplePlugin.STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(killed.socket()).as("left behind by kill -9").exists();
        await("no process of the killed plugin serves on").atMost(ExamplePlugin.STOP_WITHIN)
                .until(() -> servingConnections.stream().noneMatch(ProcessHandle::isAlive));
        Path halfWritten = Files.writeString(killed.instances().resolve(".tmp-12345678"), "{\"ID\": \"instance-");

        ExamplePlugin restarted = started(ExamplePlugin.start(language, "restarted", killed.socket().getParent(),
                killed.instances()));

        assertThat(restarted.remote().describeInstances(Map.of("group", "kept"), false))
                .extracting(InstanceDescription::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(halfWritten).doesNotExist();
    }

    private ExamplePlugin start(Language language, String name) {
        root = ExamplePlugin.shortTempDirectory("ik-exl");
        return started(ExamplePlugin.start(language, name, root.resolve("plugins"), root.resolve("instances")));
    }

    private ExamplePlugin started(ExamplePlugin plugin) {
        started.add(plugin);
        return plugin;
    }
}
