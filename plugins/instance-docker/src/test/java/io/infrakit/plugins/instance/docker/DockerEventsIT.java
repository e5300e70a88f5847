package io.infrakit.plugins.instance.docker;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.testkit.docker.TestDockerd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** The plugin's change notices come from docker's event stream, and survive a restart of dockerd. */
class DockerEventsIT {

    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final Any PROPERTIES = Any.parse("{\"Image\": \"" + TestDockerd.V1 + "\","
            + " \"Cmd\": [\"sleep\", \"3600\"], \"Init\": true, \"StopTimeout\": \"1s\"}");

    private TestDockerd dockerd;
    private DockerInstancePlugin plugin;
    private final List<InstancesChanged> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        dockerd = TestDockerd.start();
        plugin = new DockerInstancePlugin(dockerd.host());
    }

    @AfterEach
    void stop() {
        plugin.close();
        dockerd.close();
    }

    @Test
    void aContainerRemovedByHandIsToldAndTheStreamFollowsARestartedDaemon() {
        try (InstanceChangeNotices.Subscription subscription = plugin.subscribe(notices::add)) {
            InstanceId first = provision();
            dockerd.docker("rm", "-f", first.value());
            await().atMost(WAIT).until(() -> toldOf(first));

            dockerd.restart();
            await().atMost(WAIT).until(() -> notices.stream().anyMatch(notice -> notice.instances().isEmpty()));

            InstanceId second = provision();
            dockerd.docker("rm", "-f", second.value());
            await().atMost(WAIT).until(() -> toldOf(second));
        }
    }

    private InstanceId provision() {
        return plugin.provision(InstanceSpec.of(PROPERTIES, Map.of("infrakit.group", "events")));
    }

    private boolean toldOf(InstanceId id) {
        return notices.stream().anyMatch(notice -> notice.instances().contains(id));
    }
}
