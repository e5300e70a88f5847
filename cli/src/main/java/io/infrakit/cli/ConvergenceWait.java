package io.infrakit.cli;

import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls a group until it converges, or throws NotConvergedException (exit 6) when the time is up. On a terminal
 * it draws a progress bar on stderr; elsewhere it prints one line each time the member count changes.
 */
final class ConvergenceWait {

    private static final Duration POLL = Duration.ofMillis(100);

    private final CliEnvironment cli;
    private final GroupPlugin groups;
    private final GroupId id;
    private final Duration limit;
    private final int target;

    ConvergenceWait(CliEnvironment cli, GroupPlugin groups, GroupId id, Duration limit, int target) {
        this.cli = cli;
        this.groups = groups;
        this.id = id;
        this.limit = limit;
        this.target = target;
    }

    int await() {
        if (!cli.terminal()) {
            return awaitPrintingLines();
        }
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(id.value())
                .setInitialMax(target)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .hideEta()
                .build()) {
            return poll(description -> {
                bar.stepTo(description.instances().size());
                bar.setExtraMessage(description.converged() ? " converged" : " converging");
            });
        }
    }

    private int awaitPrintingLines() {
        int[] lastCount = {-1};
        return poll(description -> {
            int count = description.instances().size();
            if (count != lastCount[0] || description.converged()) {
                cli.out().println("group " + id + ": " + count + " of " + target + " instances"
                        + (description.converged() ? ", converged" : ""));
                cli.out().flush();
                lastCount[0] = count;
            }
        });
    }

    private int poll(java.util.function.Consumer<GroupDescription> show) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            GroupDescription description = groups.describeGroup(id);
            show.accept(description);
            if (description.converged()) {
                return ExitCode.OK;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new NotConvergedException("group " + id + " did not converge within " + limit.toMillis()
                        + " ms (" + description.instances().size() + " of " + target + " instances)");
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
