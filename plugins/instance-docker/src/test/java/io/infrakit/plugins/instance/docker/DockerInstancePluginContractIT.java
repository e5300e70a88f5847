package io.infrakit.plugins.instance.docker;

import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.testkit.InstancePluginContractTest;
import io.infrakit.testkit.docker.TestDockerd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The instance contract against a real dockerd. Docker cannot change a container's labels, so the three label
 * cases of the contract are replaced by the refusal this plugin gives instead.
 */
class DockerInstancePluginContractIT extends InstancePluginContractTest {

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

    @Override
    protected InstancePlugin plugin() {
        plugin = new DockerInstancePlugin(dockerd.host());
        return plugin;
    }

    @AfterEach
    void removeTheTestsContainers() {
        if (plugin != null) {
            for (InstanceDescription instance : plugin.describeInstances(Map.of(), false)) {
                plugin.destroy(instance.id(), DestroyReason.TERMINATE);
            }
            plugin.close();
        }
        assertThat(dockerd.allContainerIds()).isEmpty();
    }

    @Override
    protected Any validProperties() {
        return Any.parse("{\"Image\": \"" + TestDockerd.V1 + "\", \"Cmd\": [\"sleep\", \"3600\"], \"Init\": true,"
                + " \"Env\": {\"ROLE\": \"contract\"}, \"StopTimeout\": \"2s\"}");
    }

    @Override
    protected List<InvalidProperties> invalidProperties() {
        return List.of(
                InvalidProperties.of("{\"Cmd\": [\"sh\"]}", "\"Image\" is required"),
                InvalidProperties.of("{\"Image\": \"ikbox:v1\", \"Imagee\": 1}", "did you mean \"Image\"?"),
                InvalidProperties.of("{\"Image\": \"ikbox:v1\", \"Cmd\": \"sleep 1\"}", "\"Cmd\" must be a list"),
                InvalidProperties.of("{\"Image\": \"ikbox:v1\", \"Ports\": [\"80\"]}", "\"Ports\" must be"),
                InvalidProperties.of("{\"Image\": \"ikbox:v1\", \"RestartPolicy\": \"sometimes\"}",
                        "\"RestartPolicy\" must be one of"),
                InvalidProperties.of("{\"Image\": \"ikbox:v1\", \"Init\": \"yes\"}", "\"Init\" must be true or false"),
                InvalidProperties.of("[1]", "must be a JSON object"));
    }

    @Override
    protected InstanceId unknownInstanceId() {
        return InstanceId.of("0123456789ab0123456789ab0123456789ab0123456789ab0123456789abcdef");
    }

    @Test
    @Override
    public void labelKeepsExistingTagsAndOverwritesTheGivenOnes() {
        assertLabelIsRefused();
    }

    @Test
    @Override
    public void labelledTagsAreSearchable() {
        assertLabelIsRefused();
    }

    @Test
    @Override
    public void labelCanMoveAnInstanceToAnotherGroup() {
        assertLabelIsRefused();
    }

    @Test
    void aContainerThatStoppedIsGoneAndIsRemoved() {
        InstanceId stopped = underTest().provision(InstanceSpec.of(validProperties(), Map.of("infrakit.group", "web")));
        InstanceId running = underTest().provision(InstanceSpec.of(validProperties(), Map.of("infrakit.group", "web")));
        dockerd.docker("stop", stopped.value());

        assertThat(underTest().describeInstances(Map.of("infrakit.group", "web"), true)).singleElement()
                .satisfies(instance -> {
                    assertThat(instance.id()).isEqualTo(running);
                    assertThat(instance.properties().node().path("State").asText()).isEqualTo("running");
                });
        assertThat(dockerd.allContainerIds()).containsExactly(running.value());
    }

    @Test
    void aContainerSomeoneElseMadeIsNeitherDescribedNorDestroyed() {
        String foreign = dockerd.docker("create", "--label", "infrakit.group=web", TestDockerd.V1, "sleep", "9");

        assertThat(underTest().describeInstances(Map.of("infrakit.group", "web"), false)).isEmpty();
        assertThatThrownBy(() -> underTest().destroy(InstanceId.of(foreign), DestroyReason.TERMINATE))
                .isInstanceOf(InstanceNotFoundException.class);
        assertThat(dockerd.allContainerIds()).containsExactly(foreign);
        dockerd.docker("rm", "-f", foreign);
    }

    private void assertLabelIsRefused() {
        InstanceId id = underTest().provision(InstanceSpec.of(validProperties(), Map.of("infrakit.group", "web")));

        assertThatThrownBy(() -> underTest().label(id, Map.of("infrakit.group", "db")))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.describe())
                        .isEqualTo("plugin 'docker' label: docker cannot change the labels of a container (" + id
                                + "); its tags stay those it was provisioned with"));
        assertThat(underTest().describeInstances(Map.of("infrakit.group", "web"), false)).singleElement()
                .satisfies(instance -> assertThat(instance.tags()).containsEntry("infrakit.group", "web"));
    }
}
