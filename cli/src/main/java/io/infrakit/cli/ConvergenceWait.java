package io.infrakit.cli;

import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** Polls a group until it converges or the time is up; exit 6 when it is up. */
final class ConvergenceWait {

    private static final Duration POLL = Duration.ofMillis(100);

    private final CliEnvironment cli;
    private final GroupPlugin groups;
    private final GroupId id;
    private final Duration limit;

    ConvergenceWait(CliEnvironment cli, GroupPlugin groups, GroupId id, Duration limit) {
        this.cli = cli;
        this.groups = groups;
        this.id = id;
        this.limit = limit;
    }

    int await() {
        Instant deadline = Instant.now().plus(limit);
        int lastCount = -1;
        while (true) {
            GroupDescription description = groups.describeGroup(id);
            int count = description.instances().size();
            if (count != lastCount) {
                cli.out().println("group " + id + ": " + count + " instance" + (count == 1 ? "" : "s")
                        + (description.converged() ? ", converged" : ""));
                cli.out().flush();
                lastCount = count;
            }
            if (description.converged()) {
                return ExitCode.OK;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new NotConvergedException("group " + id + " did not converge within " + limit.toMillis()
                        + " ms (" + count + " instances)");
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }
}
