package io.infrakit.bench;

import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.plan.WaitTimes;
import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.RolloutControl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Self-heal through a running manager at the default poll interval: from deleting one instance file of a group of
 * 100 to its replacement's file being there. The file plugin's directory watch tells the controller, which
 * reconciles at once instead of at its next poll.
 */
final class HealBenchmark {

    private static final int SIZE = 100;
    private static final GroupId GROUP = GroupId.of("flow");
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final Duration CHECK = Duration.ofMillis(5);

    private HealBenchmark() {
    }

    static List<Result> run(Path launcher, int runs) {
        Duration poll = ControllerSettings.DEFAULT_POLL_INTERVAL;
        List<Duration> heals = new ArrayList<>();
        try (ManagerHome home = ManagerHome.start(launcher, poll)) {
            InstanceFiles files = new InstanceFiles(home.instanceFiles());
            RolloutControl rollouts = home.rollouts();
            home.groups().commitGroup(Any.parse(FileFlowBenchmark.spec(SIZE, "1", "")).decode(GroupSpec.class), false);
            Waits.until(() -> files.count() == SIZE, System.nanoTime(), LIMIT, CHECK, SIZE + " instance files");
            for (int run = 0; run < runs; run++) {
                steady(rollouts);
                files.delete(1);
                long start = System.nanoTime();
                heals.add(Waits.until(() -> files.count() == SIZE, start, LIMIT, CHECK,
                        "the deleted file to be replaced"));
            }
            home.infrakit.ok("group", "destroy", GROUP.value());
            Waits.until(() -> files.count() == 0, System.nanoTime(), LIMIT, CHECK, "no instance file left");
        }
        return List.of(Result.timed("file e2e N=100 poll " + WaitTimes.format(poll)
                + " (default): heal 1 of 100, deleted file to its replacement", heals, 1, "<= 1000 ms"));
    }

    /** The controller calls the group converged: the next deletion starts from rest. */
    private static void steady(RolloutControl rollouts) {
        Waits.until(() -> {
            var status = rollouts.status(GROUP);
            return status.converged() && status.current() == SIZE;
        }, System.nanoTime(), LIMIT, Duration.ofMillis(20), "the group to converge");
    }
}
