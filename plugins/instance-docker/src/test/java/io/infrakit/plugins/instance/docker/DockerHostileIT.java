package io.infrakit.plugins.instance.docker;

import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.DefaultGroupController;
import io.infrakit.plugins.flavor.vanilla.VanillaFlavorPlugin;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.testkit.docker.TestDockerd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What goes wrong on the user's side: an image the daemon does not have, a daemon nobody serves, properties with a
 * misspelt field. Each is one line naming the plugin and the operation, and no container is left behind.
 */
class DockerHostileIT {

    private static TestDockerd dockerd;
    private DockerInstancePlugin plugin;

    @BeforeAll
    static void startDockerd() {
        dockerd = TestDockerd.start();
    }

    @AfterAll
    static void stopDockerd() {
        dockerd.close();
    }

    @AfterEach
    void nothingLeaked() {
        if (plugin != null) {
            plugin.close();
        }
        assertThat(dockerd.allContainerIds()).isEmpty();
    }

    @Test
    void anImageTheDaemonDoesNotHaveIsAnInvalidSpecAndIsNotPulled() {
        plugin = new DockerInstancePlugin(dockerd.host());
        // docker lists images by creation time, and two made in the same second in either order: compare the sets
        List<String> images = dockerd.docker("images", "-q", "--no-trunc").lines().sorted().toList();

        assertThatThrownBy(() -> plugin.provision(spec("{\"Image\": \"ikbox:v9\", \"Cmd\": [\"sleep\", \"9\"]}")))
                .isExactlyInstanceOf(InvalidSpecException.class)
                .hasMessage("plugin 'docker' provision: instance property \"Image\": no image \"ikbox:v9\""
                        + " in dockerd at " + dockerd.host()
                        + " (this plugin does not pull: docker pull, load or import it first)");
        assertThat(dockerd.docker("images", "-q", "--no-trunc").lines().sorted().toList()).isEqualTo(images);
    }

    @Test
    void aGroupOfAnImageTheDaemonDoesNotHaveReportsItAndCreatesNothing() {
        plugin = new DockerInstancePlugin(dockerd.host());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try (DefaultGroupController controller = new DefaultGroupController(
                DockerGroupIT.lookup(plugin, new VanillaFlavorPlugin()), Clock.systemUTC(), scheduler,
                ControllerSettings.defaults().withPollInterval(Duration.ofHours(1)))) {
            GroupId group = GroupId.of("docker-web");
            controller.commitGroup(new GroupSpec(group, Any.parse("{\"Allocation\": {\"Size\": 2},"
                    + " \"Instance\": {\"Plugin\": \"docker\", \"Properties\": {\"Image\": \"ikbox:v9\"}},"
                    + " \"Flavor\": {\"Plugin\": \"vanilla\"}}")), false);

            await().atMost(Duration.ofMinutes(1)).until(() -> !controller.status(group).lastError().isBlank());
            assertThat(controller.status(group).lastError())
                    .contains("plugin 'docker' provision: instance property \"Image\": no image \"ikbox:v9\"")
                    .doesNotContain("\n");
            controller.destroyGroup(group);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aDaemonNobodyServesIsOneLineNamingTheEndpointForEachOperation() {
        String nowhere = "unix://" + dockerd.socket().getParent().resolve("nobody.sock");
        plugin = new DockerInstancePlugin(nowhere);

        assertThatThrownBy(() -> plugin.describeInstances(Map.of("infrakit.group", "web"), false))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.describe())
                        .startsWith("plugin 'docker' describe: dockerd unreachable at " + nowhere + ": ")
                        .doesNotContain("\n"));
        assertThatThrownBy(() -> plugin.provision(spec("{\"Image\": \"ikbox:v1\"}")))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.describe())
                        .startsWith("plugin 'docker' provision: dockerd unreachable at " + nowhere + ": ")
                        .doesNotContain("\n"));
        try (var subscription = plugin.subscribe(notice -> { })) {
            assertThat(subscription).as("subscribing waits for no daemon").isNotNull();
        }
    }

    @Test
    void aMisspeltPropertyIsRejectedAtCommitWithTheNearestName() {
        plugin = new DockerInstancePlugin(dockerd.host());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try (DefaultGroupController controller = new DefaultGroupController(
                DockerGroupIT.lookup(plugin, new VanillaFlavorPlugin()), Clock.systemUTC(), scheduler,
                ControllerSettings.defaults())) {
            GroupSpec misspelt = new GroupSpec(GroupId.of("docker-web"), Any.parse("{\"Allocation\": {\"Size\": 2},"
                    + " \"Instance\": {\"Plugin\": \"docker\", \"Properties\": {\"Image\": \"ikbox:v1\","
                    + " \"Bind\": [\"/srv:/srv\"]}}, \"Flavor\": {\"Plugin\": \"vanilla\"}}"));

            assertThatThrownBy(() -> controller.commitGroup(misspelt, false))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessageContaining("unknown docker instance property \"Bind\" (did you mean \"Binds\"?)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(controller.inspectGroups()).isEmpty();
        } finally {
            scheduler.shutdownNow();
        }
        assertThatThrownBy(() -> plugin.provision(spec("{\"Image\": \"ikbox:v1\", \"Binds\": \"/tmp\"}")))
                .isExactlyInstanceOf(InvalidSpecException.class)
                .hasMessage("docker instance property \"Binds\" must be a list of strings, got \"/tmp\"");
    }

    private static InstanceSpec spec(String properties) {
        return InstanceSpec.of(Any.parse(properties), Map.of("infrakit.group", "web"));
    }
}
