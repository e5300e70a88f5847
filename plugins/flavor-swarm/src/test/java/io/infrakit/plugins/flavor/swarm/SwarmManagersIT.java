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
import io.infrakit.spi.instance.LogicalId;
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
import java.util.stream.Stream;

import static io.infrakit.testkit.TestPlugins.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Swarm managers as pets on a real swarm (docs/plugins-flavors.md): three LogicalIDs, each the IP of an engine in
 * its own network namespace. The flavor talks to the engine of the first one, which is not in a swarm yet: that
 * instance, its LogicalID being SwarmJoinIP, creates the swarm; the other two join it with the manager token, and the
 * swarm lists three reachable managers. A manager destroyed is demoted first, and its replacement joins as a manager.
 */
class SwarmManagersIT {

    private static final Duration WITHIN = Duration.ofSeconds(120);
    private static final GroupId MANAGERS = new GroupId("managers");
    private static final String FIRST = NetnsDockerd.SUBNET + ".31";

    NetnsDockerd first;
    NetnsInstancePlugin instances;
    Path home;

    @BeforeEach
    void lab() throws IOException {
        assertThat(NetnsDockerd.whyNot()).as("this machine cannot run the lab").isEmpty();
        NetnsDockerd.cleanLab();
        first = NetnsDockerd.start("m0", FIRST);
        instances = new NetnsInstancePlugin(Map.of(FIRST, first));
        home = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ik-swarm");
    }

    @AfterEach
    void removeLab() throws IOException {
        if (instances != null) {
            instances.closeAll();
        }
        NetnsDockerd.removeLab();
        if (home != null) {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void threeManagersFormTheSwarmAndADestroyedOneIsDemotedAndReplaced() {
        String started = Instant.now().minusSeconds(1).toString();
        try (Manager manager = Manager.start(InfrakitHome.at(home), PluginRegistry.of(List.of(
                        new GroupControllerProvider(), new SwarmPluginProvider(),
                        provider("netns", PluginObjects.instance(instances)))),
                Map.of(ControllerSettings.POLL_INTERVAL, "500ms"), Clock.systemUTC())) {
            GroupPlugin groups = manager.groups().orElseThrow();
            RolloutControl rollouts = (RolloutControl) groups;

            groups.commitGroup(Any.parse("""
                    {"ID": "managers", "Properties": {
                      "Allocation": {"LogicalIDs": ["%1$s.31", "%1$s.32", "%1$s.33"]}, "Instance": {"Plugin": "netns"},
                      "Flavor": {"Plugin": "swarm/manager",
                                 "Properties": {"Docker": {"Host": "%2$s"}, "SwarmJoinIP": "%1$s.31"}}}}"""
                    .formatted(NetnsDockerd.SUBNET, first.host())).decode(GroupSpec.class), false);

            await().atMost(WITHIN).until(() -> reachableManagers().size() == 3);
            await().atMost(WITHIN).until(() -> rollouts.status(MANAGERS).healthy() == 3);
            InstanceDescription third = groups.describeGroup(MANAGERS).instances().stream()
                    .filter(instance -> LogicalId.of(NetnsDockerd.SUBNET + ".33").equals(instance.logicalId()))
                    .findFirst().orElseThrow();

            groups.destroyInstances(MANAGERS, List.of(third.id()));

            await().atMost(WITHIN).until(() -> instances.destroyed().size() == 1);
            await().atMost(WITHIN).until(() -> reachableManagers().size() == 3
                    && reachableManagers().stream().noneMatch(line -> line.contains(third.tags().get(Link.LABEL))));
            // The engine's event log may lag behind its node list: read it again until the demotion shows.
            await().atMost(WITHIN).untilAsserted(() -> {
                List<String> nodeEvents = Arrays.asList(first.docker("events", "--since", started, "--until",
                        Instant.now().plusSeconds(1).toString(), "--filter", "type=node",
                        "--format", "{{.Action}} {{json .Actor.Attributes}}").split("\n"));
                assertThat(nodeEvents).as("the destroyed manager was demoted").anySatisfy(event ->
                        assertThat(event).startsWith("update").contains("\"role.new\":\"worker\""));
            });
        }
    }

    /**
     * The swarm's managers that are ready and reachable, each line with the node's engine labels; none while the
     * first engine is not a manager yet. A manager still joining has no manager status yet.
     */
    private List<String> reachableManagers() {
        String ids;
        try {
            ids = first.docker("node", "ls", "--filter", "role=manager", "-q");
        } catch (IllegalStateException e) {
            if (e.getMessage().contains("This node is not a swarm manager")) {
                return List.of();
            }
            throw e;
        }
        if (ids.isBlank()) {
            return List.of();
        }
        List<String> command = new java.util.ArrayList<>(List.of("node", "inspect", "--format",
                "{{.ID}} {{.Status.State}} {{if .ManagerStatus}}{{.ManagerStatus.Reachability}}{{else}}joining{{end}}"
                        + " {{json .Description.Engine.Labels}}"));
        command.addAll(Arrays.asList(ids.split("\n")));
        return Arrays.stream(first.docker(command.toArray(String[]::new)).split("\n"))
                .filter(line -> line.contains(" ready reachable ")).toList();
    }
}
