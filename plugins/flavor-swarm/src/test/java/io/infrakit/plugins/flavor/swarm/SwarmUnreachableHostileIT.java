package io.infrakit.plugins.flavor.swarm;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.plugins.instance.file.FilePluginProvider;
import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.plugin.PluginContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The swarm flavor pointed at a Docker host nobody serves (the real Docker client, no daemon): every operation fails
 * with one line naming the flavor, the operation and the host; through a real manager, the group's members are
 * never created, and the group says why.
 */
class SwarmUnreachableHostileIT {

    Path root;
    String host;

    @BeforeEach
    void home() throws IOException {
        root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ik-swarm");
        host = "unix://" + root.resolve("no-docker.sock");
    }

    @AfterEach
    void remove() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void everyOperationFailsInOneLineNamingTheFlavorTheOperationAndTheHost() {
        var worker = new SwarmPluginProvider().create(PluginContext.of(root, Clock.systemUTC(), Map.of()))
                .flavors().get("worker");
        Any properties = Any.parse("{\"Docker\": {\"Host\": \"" + host + "\"}}");
        InstanceDescription linked = new InstanceDescription(InstanceId.of("i-1"), null,
                Map.of(Link.LABEL, "abc"), null);

        Map<String, Throwable> failures = Map.of(
                "Flavor.Prepare", catchThrowable(() -> worker.prepare(properties, InstanceSpec.of(Any.empty(), Map.of()),
                        Allocation.ofSize(1), new Index("w", 1))),
                "Flavor.Healthy", catchThrowable(() -> worker.healthy(properties, linked)),
                "Flavor.Drain", catchThrowable(() -> worker.drain(properties, linked)));

        failures.forEach((operation, failure) -> {
            assertThat(failure).as(operation).isInstanceOf(PluginException.class);
            assertThat(failure.getMessage()).as(operation)
                    .startsWith("swarm/worker " + operation + ": cannot reach the swarm at " + host + ": ")
                    .doesNotContain("\n");
        });
    }

    @Test
    void aGroupOfWorkersOnAnUnreachableSwarmCreatesNoInstanceAndSaysWhy() {
        try (Manager manager = Manager.start(InfrakitHome.at(root), PluginRegistry.of(List.of(new FilePluginProvider(),
                        new GroupControllerProvider(), new SwarmPluginProvider())),
                Map.of(ControllerSettings.POLL_INTERVAL, "100ms"), Clock.systemUTC())) {
            GroupPlugin groups = manager.groups().orElseThrow();

            groups.commitGroup(Any.parse("""
                    {"ID": "workers", "Properties": {"Allocation": {"Size": 2}, "Instance": {"Plugin": "file"},
                      "Flavor": {"Plugin": "swarm/worker", "Properties": {"Docker": {"Host": "%s"}}}}}"""
                    .formatted(host)).decode(GroupSpec.class), false);

            RolloutControl rollouts = (RolloutControl) groups;
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    rollouts.status(new GroupId("workers")).lastError().contains("cannot reach the swarm"));
            String lastError = rollouts.status(new GroupId("workers")).lastError();
            assertThat(lastError).contains("swarm/worker Flavor.Prepare: cannot reach the swarm at " + host + ": ")
                    .doesNotContain("\n");
            assertThat(groups.describeGroup(new GroupId("workers")).instances()).isEmpty();
            assertThat(root.resolve("instances").resolve("file")).satisfiesAnyOf(
                    directory -> assertThat(directory).doesNotExist(),
                    directory -> assertThat(directory).isEmptyDirectory());
        }
    }
}
