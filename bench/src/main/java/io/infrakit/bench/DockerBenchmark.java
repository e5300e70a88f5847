package io.infrakit.bench;

import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.DefaultGroupController;
import io.infrakit.plugins.flavor.vanilla.VanillaFlavorPlugin;
import io.infrakit.plugins.instance.docker.DockerInstancePlugin;
import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.testkit.docker.TestDockerd;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Containers of a real dockerd (a test daemon of its own, busybox images) through the docker plugin and the real
 * group controller in this JVM, at the default poll interval: a group of 10 from commit to all running, one
 * container removed with {@code docker rm -f} to its replacement running (told by docker's event, not the poll),
 * and a rolling update of the 10 to a new image tag with MaxSurge 25 %.
 */
final class DockerBenchmark {

    private static final GroupId GROUP = GroupId.of("docker-bench");
    private static final int SIZE = 10;
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final Duration CHECK = Duration.ofMillis(10);

    private DockerBenchmark() {
    }

    static List<Result> run(int runs) {
        List<Duration> provisions = new ArrayList<>();
        List<Duration> heals = new ArrayList<>();
        List<Duration> rollouts = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(8);
        try (TestDockerd dockerd = TestDockerd.start();
             DockerInstancePlugin plugin = new DockerInstancePlugin(dockerd.host());
             DefaultGroupController controller = new DefaultGroupController(
                     ControllerBenchmark.lookup(plugin, new VanillaFlavorPlugin()), Clock.systemUTC(), scheduler,
                     ControllerSettings.defaults())) {
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                controller.commitGroup(spec(TestDockerd.V1), false);
                provisions.add(Waits.until(() -> converged(controller)
                        && running(plugin, TestDockerd.V1).size() == SIZE, start, LIMIT, CHECK,
                        SIZE + " containers running"));

                String removed = running(plugin, TestDockerd.V1).get(3);
                dockerd.docker("rm", "-f", removed);
                start = System.nanoTime();
                heals.add(Waits.until(() -> {
                    List<String> now = running(plugin, TestDockerd.V1);
                    return now.size() == SIZE && !now.contains(removed);
                }, start, LIMIT, CHECK, "the removed container to be replaced"));
                Waits.until(() -> converged(controller), System.nanoTime(), LIMIT, CHECK, "the group to converge");

                start = System.nanoTime();
                controller.commitGroup(spec(TestDockerd.V2), false);
                rollouts.add(Waits.until(() -> converged(controller) && running(plugin, TestDockerd.V2).size() == SIZE
                        && running(plugin, TestDockerd.V1).isEmpty(), start, LIMIT, CHECK, "all 10 on the new image"));

                controller.destroyGroup(GROUP);
                Waits.until(() -> dockerd.allContainerIds().isEmpty(), System.nanoTime(), LIMIT, CHECK,
                        "no container left");
            }
        } finally {
            scheduler.shutdownNow();
        }
        String poll = " (real dockerd, in-process controller, poll "
                + ControllerSettings.DEFAULT_POLL_INTERVAL.toSeconds() + " s)";
        return List.of(
                Result.timed("docker: commit to 10 containers running" + poll, provisions, SIZE, "< 3000 ms"),
                Result.timed("docker: heal, docker rm -f to its replacement running" + poll, heals, 1, "< 1000 ms"),
                Result.timed("docker: rolling update of 10 to a new image, MaxSurge 25%" + poll, rollouts, SIZE,
                        "< 5000 ms"));
    }

    private static boolean converged(DefaultGroupController controller) {
        return controller.status(GROUP).converged();
    }

    private static List<String> running(DockerInstancePlugin plugin, String image) {
        return plugin.describeInstances(Map.of("infrakit.group", GROUP.value()), true).stream()
                .filter(instance -> "running".equals(text(instance, "State")) && image.equals(text(instance, "Image")))
                .map(instance -> instance.id().value())
                .toList();
    }

    private static String text(InstanceDescription instance, String field) {
        return instance.properties().node().path(field).asText();
    }

    private static GroupSpec spec(String image) {
        return new GroupSpec(GROUP, Any.parse("{\"Allocation\": {\"Size\": " + SIZE + "},"
                + " \"Instance\": {\"Plugin\": \"docker\", \"Properties\": {\"Image\": \"" + image + "\","
                + " \"Cmd\": [\"sleep\", \"3600\"], \"Init\": true, \"StopTimeout\": \"2s\"}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\"}, \"Updating\": {\"MaxSurge\": \"25%\"}}"));
    }
}
