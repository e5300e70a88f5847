package io.infrakit.plugins.flavor.swarm;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.GroupControllerProvider;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.infrakit.testkit.TestPlugins.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real swarm (docs/plugins-flavors.md) whose group polls only every ten minutes, so that only the swarm flavor's
 * change notices (the manager's node events) can explain a change of health the group sees within the test: two
 * workers join and are counted healthy; one worker's Docker engine stops, its node goes Down, and the group counts
 * one healthy member soon after. Needs root, dockerd, nsenter and iproute2.
 */
class SwarmNodeEventsIT {

    private static final Duration POLL = Duration.ofMinutes(10);
    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final GroupId WORKERS = new GroupId("workers");

    NetnsDockerd swarmManager;
    NetnsInstancePlugin instances;
    Path home;

    @BeforeEach
    void swarm() throws IOException {
        assertThat(NetnsDockerd.whyNot()).as("this machine cannot run the lab").isEmpty();
        NetnsDockerd.cleanLab();
        swarmManager = NetnsDockerd.start("m", NetnsDockerd.SUBNET + ".10");
        swarmManager.docker("swarm", "init", "--advertise-addr", swarmManager.ip);
        instances = new NetnsInstancePlugin();
        home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ik-swarm");
    }

    @AfterEach
    void removeSwarm() throws IOException {
        if (instances != null) {
            instances.closeAll();
        }
        if (swarmManager != null) {
            swarmManager.close();
        }
        NetnsDockerd.removeLab();
        if (home != null) {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aWorkerWhoseEngineStopsIsSeenUnhealthyLongBeforeThePoll() {
        long committed = System.nanoTime();
        try (Manager manager = startManager()) {
            GroupPlugin groups = manager.groups().orElseThrow();
            RolloutControl rollouts = (RolloutControl) groups;
            groups.commitGroup(workers(2), false);
            await().atMost(WITHIN).until(() -> readyWorkers() == 2 && rollouts.status(WORKERS).healthy() == 2);
            InstanceDescription victim = groups.describeGroup(WORKERS).instances().get(0);

            long stopped = System.nanoTime();
            instances.stopEngine(victim.id());

            await().atMost(WITHIN).until(() -> rollouts.status(WORKERS).healthy() == 1);
            Duration seen = Duration.ofNanos(System.nanoTime() - stopped);
            assertThat(downWorkers()).as("the stopped worker's node is Down in the swarm").isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - committed)).as("no poll came yet").isLessThan(POLL);
            System.out.printf("SwarmNodeEventsIT: engine stopped -> group counts it unhealthy in %d ms%n",
                    seen.toMillis());
        }
    }

    private Manager startManager() {
        return Manager.start(InfrakitHome.at(home), PluginRegistry.of(List.of(
                        new GroupControllerProvider(), new SwarmPluginProvider(),
                        provider("netns", PluginObjects.instance(instances)))),
                Map.of(ControllerSettings.POLL_INTERVAL, POLL.toSeconds() + "s"), Clock.systemUTC());
    }

    private int readyWorkers() {
        return workersIn("Ready");
    }

    private int downWorkers() {
        return workersIn("Down");
    }

    /** Workers in this state in one {@code docker node ls} on the manager. */
    private int workersIn(String status) {
        return (int) Arrays.stream(swarmManager.docker("node", "ls", "--filter", "role=worker", "--format",
                "{{.Status}}").split("\n")).filter(status::equals).count();
    }

    private GroupSpec workers(int size) {
        return Any.parse("""
                {"ID": "workers", "Properties": {"Allocation": {"Size": %d},
                  "Instance": {"Plugin": "netns", "Properties": {}},
                  "Flavor": {"Plugin": "swarm/worker", "Properties": {"Docker": {"Host": "%s"}}}}}"""
                .formatted(size, swarmManager.host())).decode(GroupSpec.class);
    }
}
