package io.infrakit.cli;

import io.infrakit.common.Redactor;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.RolloutControl;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;

/**
 * Polls a group's status until it converges with every instance healthy, or throws NotConvergedException (exit 6) when the time is up. On a
 * terminal it draws a progress bar of updated members on stderr; elsewhere it prints one line per change. A plugin
 * without our Rollout extension ({@link #ofInfrakit}) is judged by InfraKit's methods alone: its members and size.
 */
public final class ConvergenceWait {

    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * One look at the group: the line it prints, whether it has settled, progress for the bar, and the status when
     * the plugin gives one (null from an InfraKit plugin).
     */
    record Look(GroupStatus status, String line, boolean settled, int done, int total, String progress,
                String summary) {

        static Look of(GroupStatus status) {
            String progress = " " + status.phase() + (status.reason().isEmpty() ? "" : ": " + status.reason());
            String summary = status.phase() + ", " + status.updated() + " of " + status.desired() + " updated"
                    + health(status) + (status.reason().isEmpty() ? "" : "; " + status.reason());
            return new Look(status, ConvergenceWait.line(status), ConvergenceWait.settled(status),
                    Math.min(status.updated(), status.desired()), status.desired(), progress, summary);
        }

        /** InfraKit's view: converged (no update under way, its word) and the members against the size. */
        static Look ofInfrakit(GroupId id, GroupDescription description, int desired) {
            int current = description.instances().size();
            String summary = (description.converged() ? "converged" : "updating") + ", " + current + " of " + desired
                    + " current";
            return new Look(null, "group " + id + ": " + summary, description.converged() && current == desired,
                    Math.min(current, desired), desired, " " + summary, summary);
        }
    }

    private final CliEnvironment cli;
    private final Supplier<Look> look;
    private final GroupId id;
    private final Duration limit;
    private final Redactor secrets;
    private final String missing;

    public ConvergenceWait(CliEnvironment cli, RolloutControl rollouts, GroupId id, Duration limit) {
        this(cli, rollouts, id, limit, Redactor.none());
    }

    /** @param secrets masked in what the wait shows: a plugin's error in the group's status may quote a spec value */
    public ConvergenceWait(CliEnvironment cli, RolloutControl rollouts, GroupId id, Duration limit, Redactor secrets) {
        this(cli, () -> Look.of(rollouts.status(id)), id, limit, secrets, "");
    }

    private ConvergenceWait(CliEnvironment cli, Supplier<Look> look, GroupId id, Duration limit, Redactor secrets,
                            String missing) {
        this.cli = cli;
        this.look = look;
        this.id = id;
        this.limit = limit;
        this.secrets = secrets;
        this.missing = missing;
    }

    /**
     * For a plugin without our Rollout extension: InfraKit's DescribeGroup and Size, with a notice of what is missing.
     *
     * @param limit null to wait without end ({@link #follow})
     */
    public static ConvergenceWait ofInfrakit(CliEnvironment cli, GroupPlugin group, GroupId id, Duration limit,
                                      String missing) {
        return new ConvergenceWait(cli, () -> Look.ofInfrakit(id, group.describeGroup(id), group.size(id)), id, limit,
                Redactor.none(), missing);
    }

    /** The wait, or the look, that fits the plugin: the Rollout extension's status when offered, else InfraKit's. */
    public static ConvergenceWait of(CliEnvironment cli, GroupConnection connection, GroupId id, Duration limit) {
        return connection.rollouts(id).map(rollouts -> new ConvergenceWait(cli, rollouts, id, limit))
                .orElseGet(() -> ofInfrakit(cli, connection.groups(id), id, limit,
                        connection.missing("health and rollout progress")));
    }

    /** The last status seen; null from a plugin without our Rollout extension. */
    public GroupStatus await() {
        noticeMissing();
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
            return poll(seen -> {
                bar.maxHint(Math.max(1, seen.total()));
                bar.stepTo(seen.done());
                bar.setExtraMessage(secrets.redact(seen.progress()));
            }, true).status();
        }
    }

    /** Prints a line per change until the group settles, or when untilSettled is false, until Ctrl-C. */
    public void follow(boolean untilSettled) {
        noticeMissing();
        poll(printingLines(), untilSettled);
    }

    private GroupStatus awaitPrintingLines() {
        return poll(printingLines(), true).status();
    }

    private Consumer<Look> printingLines() {
        String[] last = {""};
        return seen -> {
            // The status a commit leaves before the group's first reconcile says nothing the commit's own line did
            // not, and whether a look catches it is a matter of timing: the same command must print the same lines.
            if (seen.status() != null && seen.status().observedAt() == null) {
                return;
            }
            String line = secrets.redact(seen.line());
            if (!line.equals(last[0])) {
                cli.out().println(line);
                cli.out().flush();
                last[0] = line;
            }
        };
    }

    private void noticeMissing() {
        if (!missing.isEmpty()) {
            cli.notice(missing);
        }
    }

    /** Converged, and every desired instance healthy: a new VM still booting after the rollout is not done. */
    public static boolean settled(GroupStatus status) {
        return status.converged() && status.healthy() >= status.desired();
    }

    public static String line(GroupStatus status) {
        return "group " + status.id() + ": " + status.phase() + ", " + status.updated() + " of " + status.desired()
                + " updated, " + status.current() + " current" + health(status)
                + (status.reason().isEmpty() ? "" : "; " + status.reason());
    }

    /**
     * The members' health, said plainly: nothing while there are none; "none healthy yet" while the flavor has
     * judged none healthy (a health check not passed yet, or not reported), rather than a bare "0 healthy".
     */
    public static String health(GroupStatus status) {
        if (status.current() == 0) {
            return "";
        }
        if (status.healthy() == 0) {
            return ", none healthy yet";
        }
        return status.healthy() >= status.current() ? ", all healthy" : ", " + status.healthy() + " healthy";
    }

    private Look poll(Consumer<Look> show, boolean untilSettled) {
        Instant deadline = limit == null ? null : Instant.now().plus(limit);
        while (true) {
            Look seen = look.get();
            show.accept(seen);
            if (untilSettled && seen.settled()) {
                return seen;
            }
            if (deadline != null && Instant.now().isAfter(deadline)) {
                throw new NotConvergedException("group " + id + " did not converge within " + limit.toMillis()
                        + " ms: " + seen.summary());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
