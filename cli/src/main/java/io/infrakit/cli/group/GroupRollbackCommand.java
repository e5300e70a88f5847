package io.infrakit.cli.group;

import io.infrakit.cli.GroupAddress;
import io.infrakit.cli.GroupConnection;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ConvergenceWait;
import io.infrakit.cli.DurationConverter;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.GroupIdParameter;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.Revision;
import io.infrakit.spi.group.RolloutControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;

@Command(name = "rollback", description = "Move a group back to the last revision proven healthy, or to the one given.")
final class GroupRollbackCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    @Option(names = "--to", paramLabel = "REVISION",
            description = "The revision (an ID from `group history`, or an unambiguous prefix of one)")
    String to;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait up to this long (e.g. 30s, 5m) for the group to converge with every instance healthy; exit 6 if it does not")
    Duration wait;

    GroupRollbackCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupAddress address = group.address();
        GroupId id = address.group();
        GroupConnection connection = GroupConnection.open(cli, home(), address.plugin());
        group.requireIn(connection.groups(id));
        RolloutControl rollouts = connection.requireRollouts("group rollback", id);
        Revision revision = rollouts.rollback(id, Optional.ofNullable(to));
        cli.out().println(message(id.value(), revision));
        cli.out().flush();
        if (wait != null) {
            new ConvergenceWait(cli, rollouts, id, wait).await();
        }
        return ExitCode.OK;
    }

    static String message(String id, Revision revision) {
        return revision.provenHealthy()
                ? "Rolling back " + id + " to revision " + revision.id()
                : "Rolling " + id + " out to revision " + revision.id() + " (never proven healthy: health gates apply)";
    }
}
