package io.infrakit.plugins.instance.docker;

import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.DefaultGroupController;
import io.infrakit.plugins.flavor.vanilla.VanillaFlavorPlugin;
import io.infrakit.spi.Any;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.plugin.PluginLookup;
import io.infrakit.testkit.docker.TestDockerd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A group of containers through the real group controller and a real dockerd. The controller polls once an hour,
 * so a container removed by hand and replaced within the wait was replaced because of docker's event, not a poll.
 */
class DockerGroupIT {

    private static final GroupId GROUP = GroupId.of("docker-web");
    private static final int SIZE = 5;
    private static final Duration HOURLY = Duration.ofHours(1);
    private static final Duration WAIT = Duration.ofMinutes(2);

    private TestDockerd dockerd;
    private DockerInstancePlugin plugin;
    private ScheduledExecutorService scheduler;
    private DefaultGroupController controller;

    @BeforeEach
    void start() {
        dockerd = TestDockerd.start();
        plugin = new DockerInstancePlugin(dockerd.host());
        scheduler = Executors.newScheduledThreadPool(8);
        controller = new DefaultGroupController(lookup(plugin, new VanillaFlavorPlugin()), Clock.systemUTC(),
                scheduler, ControllerSettings.defaults().withPollInterval(HOURLY));
    }

    @AfterEach
    void stop() {
        try {
            if (controller.inspectGroups().stream().anyMatch(spec -> spec.id().equals(GROUP))) {
                controller.destroyGroup(GROUP);
                await().atMost(WAIT).until(() -> dockerd.allContainerIds().isEmpty());
            }
        } finally {
            controller.close();
            scheduler.shutdownNow();
            plugin.close();
            dockerd.close();
        }
    }

    @Test
    void aGroupOfContainersConvergesHealsARemovedContainerAtOnceAndRollsToANewImage() {
        controller.commitGroup(spec(TestDockerd.V1), false);
        await().atMost(WAIT).until(() -> converged() && running(TestDockerd.V1).size() == SIZE);

        String removed = running(TestDockerd.V1).get(2);
        dockerd.docker("rm", "-f", removed);
        await().atMost(WAIT).until(() -> {
            List<String> now = running(TestDockerd.V1);
            return now.size() == SIZE && !now.contains(removed);
        });
        assertThat(dockerd.allContainerIds()).hasSize(SIZE).doesNotContain(removed);

        List<String> before = running(TestDockerd.V1);
        controller.commitGroup(spec(TestDockerd.V2), false);
        await().atMost(WAIT).until(() -> converged() && running(TestDockerd.V2).size() == SIZE
                && running(TestDockerd.V1).isEmpty());
        assertThat(running(TestDockerd.V2)).doesNotContainAnyElementsOf(before);
        assertThat(dockerd.allContainerIds()).hasSize(SIZE);
    }

    private boolean converged() {
        return controller.status(GROUP).converged();
    }

    /** The full IDs of the group's running containers of this image, as the docker CLI sees them. */
    private List<String> running(String image) {
        return dockerd.docker("ps", "-q", "--no-trunc", "--filter", "label=infrakit.group=" + GROUP.value(),
                "--filter", "ancestor=" + image, "--filter", "status=running")
                .lines().filter(line -> !line.isBlank()).sorted().toList();
    }

    static GroupSpec spec(String image) {
        return new GroupSpec(GROUP, Any.parse("{\"Allocation\": {\"Size\": " + SIZE + "},"
                + " \"Instance\": {\"Plugin\": \"docker\", \"Properties\": {\"Image\": \"" + image + "\","
                + " \"Cmd\": [\"sleep\", \"3600\"], \"Init\": true, \"StopTimeout\": \"2s\"}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\"}, \"Updating\": {\"MaxSurge\": 1}}"));
    }

    static PluginLookup lookup(InstancePlugin instances, FlavorPlugin flavor) {
        return new PluginLookup() {
            @Override
            public InstancePlugin instance(PluginName name) {
                return instances;
            }

            @Override
            public FlavorPlugin flavor(PluginName name) {
                return flavor;
            }
        };
    }
}
