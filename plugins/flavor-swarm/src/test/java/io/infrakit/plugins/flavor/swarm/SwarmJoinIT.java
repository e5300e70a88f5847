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
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.infrakit.testkit.TestPlugins.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real swarm on this machine (docs/plugins-flavors.md): a manager engine in its own network namespace runs
 * {@code swarm init}; a group of three swarm workers, whose instances are fresh engines in fresh namespaces running
 * the flavor's init script, joins it, and {@code docker node ls} on the manager shows them Ready; scaled down to two,
 * the worker destroyed is first drained, then removed from the swarm; a rolling update replaces every worker and
 * keeps at least two Ready at every sample. Needs root, dockerd, nsenter and iproute2.
 */
class SwarmJoinIT {

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
    void threeWorkersJoinAndAScaledDownOneIsDrainedAndRemoved() {
        String started = Instant.now().minusSeconds(1).toString();
        try (Manager manager = startManager()) {
            GroupPlugin groups = manager.groups().orElseThrow();
            RolloutControl rollouts = (RolloutControl) groups;

            groups.commitGroup(workers(3, 1), false);

            await().atMost(WITHIN).until(() -> readyWorkers().size() == 3);
            await().atMost(WITHIN).until(() -> rollouts.status(WORKERS).healthy() == 3);
            String clusterId = swarmManager.docker("info", "--format", "{{.Swarm.Cluster.ID}}");
            assertThat(groups.describeGroup(WORKERS).instances()).hasSize(3).allSatisfy(instance ->
                    assertThat(instance.tags()).containsEntry("infrakit.cluster.id", clusterId));

            groups.commitGroup(workers(2, 1), false);

            await().atMost(WITHIN).until(() -> instances.destroyed().size() == 1 && readyWorkers().size() == 2);
            String gone = instances.destroyed().get(0).get(Link.LABEL);
            assertThat(readyWorkers()).hasSize(2).noneMatch(line -> line.contains(gone));
            List<String> nodeEvents = Arrays.asList(swarmManager.docker("events", "--since", started, "--until",
                    Instant.now().plusSeconds(1).toString(), "--filter", "type=node",
                    "--format", "{{.Action}} {{json .Actor.Attributes}}").split("\n"));
            assertThat(nodeEvents).as("drained, then removed")
                    .anySatisfy(event -> assertThat(event).startsWith("update").contains("\"availability.new\":\"drain\""));
            int drained = indexOf(nodeEvents, "\"availability.new\":\"drain\"");
            assertThat(nodeEvents.subList(drained, nodeEvents.size())).anySatisfy(event ->
                    assertThat(event).startsWith("remove"));
        }
    }

    @Test
    void aRollingUpdateKeepsAtLeastTwoWorkersReady() {
        try (Manager manager = startManager()) {
            GroupPlugin groups = manager.groups().orElseThrow();
            RolloutControl rollouts = (RolloutControl) groups;
            groups.commitGroup(workers(3, 1), false);
            await().atMost(WITHIN).until(() -> readyWorkerCount() == 3 && rollouts.status(WORKERS).healthy() == 3);
            List<InstanceId> firstGeneration = members(groups);

            groups.commitGroup(workers(3, 2), false);

            AtomicInteger fewestReady = new AtomicInteger(Integer.MAX_VALUE);
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
                int ready = readyWorkerCount();
                fewestReady.accumulateAndGet(ready, Math::min);
                List<InstanceId> members = members(groups);
                return ready == 3 && members.size() == 3 && members.stream().noneMatch(firstGeneration::contains)
                        && rollouts.status(WORKERS).healthy() == 3;
            });
            assertThat(fewestReady.get()).as("the fewest Ready workers seen during the rollout").isGreaterThanOrEqualTo(2);
        }
    }

    private Manager startManager() {
        return Manager.start(InfrakitHome.at(home), PluginRegistry.of(List.of(
                        new GroupControllerProvider(), new SwarmPluginProvider(),
                        provider("netns", PluginObjects.instance(instances)))),
                Map.of(ControllerSettings.POLL_INTERVAL, "500ms"), Clock.systemUTC());
    }

    private static List<InstanceId> members(GroupPlugin groups) {
        return groups.describeGroup(WORKERS).instances().stream().map(InstanceDescription::id).toList();
    }

    /** Ready workers in one {@code docker node ls}: a node removed meanwhile cannot fail a later inspect. */
    private int readyWorkerCount() {
        return (int) Arrays.stream(swarmManager.docker("node", "ls", "--filter", "role=worker", "--format",
                "{{.Status}}").split("\n")).filter("Ready"::equals).count();
    }

    /** The manager's {@code docker node ls} of Ready workers, each line with the node's engine labels. */
    private List<String> readyWorkers() {
        String ids = swarmManager.docker("node", "ls", "--filter", "role=worker", "-q");
        if (ids.isBlank()) {
            return List.of();
        }
        List<String> command = new java.util.ArrayList<>(List.of("node", "inspect", "--format",
                "{{.ID}} {{.Status.State}} {{json .Description.Engine.Labels}}"));
        command.addAll(Arrays.asList(ids.split("\n")));
        return Arrays.stream(swarmManager.docker(command.toArray(String[]::new)).split("\n"))
                .filter(line -> line.contains(" ready ")).toList();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** A new revision changes only the instance's properties, which the lab's instance plugin ignores. */
    private GroupSpec workers(int size, int revision) {
        return Any.parse("""
                {"ID": "workers", "Properties": {"Allocation": {"Size": %d},
                  "Instance": {"Plugin": "netns", "Properties": {"Revision": %d}},
                  "Flavor": {"Plugin": "swarm/worker", "Properties": {"Docker": {"Host": "%s"}}}}}"""
                .formatted(size, revision, swarmManager.host())).decode(GroupSpec.class);
    }
}
