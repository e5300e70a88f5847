package io.infrakit.cli;

import io.infrakit.common.Redactor;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.RolloutControl;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls a group's status until it converges with every instance healthy, or throws NotConvergedException (exit 6) when the time is up. On a
 * terminal it draws a progress bar of updated members on stderr; elsewhere it prints one line per change.
 */
public final class ConvergenceWait {

    private static final Duration POLL = Duration.ofMillis(100);

    private final CliEnvironment cli;
    private final RolloutControl rollouts;
    private final GroupId id;
    private final Duration limit;
    private final Redactor secrets;

    public ConvergenceWait(CliEnvironment cli, RolloutControl rollouts, GroupId id, Duration limit) {
        this(cli, rollouts, id, limit, Redactor.none());
    }

    /** @param secrets masked in what the wait shows: a plugin's error in the group's status may quote a spec value */
    public ConvergenceWait(CliEnvironment cli, RolloutControl rollouts, GroupId id, Duration limit, Redactor secrets) {
        this.cli = cli;
        this.rollouts = rollouts;
        this.id = id;
        this.limit = limit;
        this.secrets = secrets;
    }

    public GroupStatus await() {
        if (!cli.terminal()) {
            return awaitPrintingLines();
        }
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(id.value())
                .setInitialMax(1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .hideEta()
                .build()) {
            return poll(status -> {
                bar.maxHint(Math.max(1, status.desired()));
                bar.stepTo(Math.min(status.updated(), status.desired()));
                bar.setExtraMessage(secrets.redact(
                        " " + status.phase() + (status.reason().isEmpty() ? "" : ": " + status.reason())));
            });
        }
    }

    private GroupStatus awaitPrintingLines() {
        String[] last = {""};
        return poll(status -> {
            String line = secrets.redact(line(status));
            if (!line.equals(last[0])) {
                cli.out().println(line);
                cli.out().flush();
                last[0] = line;
            }
        });
    }

    /** Converged, and every desired instance healthy: a new VM still booting after the rollout is not done. */
    static boolean settled(GroupStatus status) {
        return status.converged() && status.healthy() >= status.desired();
    }

    static String line(GroupStatus status) {
        return "group " + status.id() + ": " + status.phase() + ", " + status.updated() + " of " + status.desired()
                + " updated, " + status.current() + " current" + health(status)
                + (status.reason().isEmpty() ? "" : "; " + status.reason());
    }

    /**
     * The members' health, said plainly: nothing while there are none; "none healthy yet" while the flavor has
     * judged none healthy (a health check not passed yet, or not reported), rather than a bare "0 healthy".
     */
    static String health(GroupStatus status) {
        if (status.current() == 0) {
            return "";
        }
        if (status.healthy() == 0) {
            return ", none healthy yet";
        }
        return status.healthy() >= status.current() ? ", all healthy" : ", " + status.healthy() + " healthy";
    }

    private GroupStatus poll(Consumer<GroupStatus> show) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            GroupStatus status = rollouts.status(id);
            show.accept(status);
            if (settled(status)) {
                return status;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new NotConvergedException("group " + id + " did not converge within " + limit.toMillis()
                        + " ms: " + status.phase() + ", " + status.updated() + " of " + status.desired() + " updated"
                        + health(status) + (status.reason().isEmpty() ? "" : "; " + status.reason()));
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
