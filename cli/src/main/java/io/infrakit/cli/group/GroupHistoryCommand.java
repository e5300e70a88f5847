package io.infrakit.cli.group;

import io.infrakit.cli.GroupAddress;
import io.infrakit.cli.GroupConnection;
import io.infrakit.cli.OutputFormat;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.GroupIdParameter;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.Revision;
import io.infrakit.spi.group.RolloutControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

@Command(name = "history", description = "List a group's revisions, newest first: when committed, the plan, "
        + "whether the whole group was ever healthy on it, and which one it runs or moves to (*).")
final class GroupHistoryCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    @Mixin
    OutputOptions output = new OutputOptions();

    GroupHistoryCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupAddress address = group.address();
        GroupId id = address.group();
        GroupConnection connection = GroupConnection.open(cli, home(), address.plugin());
        group.requireIn(connection.groups(id));
        Optional<RolloutControl> rollouts = connection.rollouts(id);
        if (rollouts.isEmpty()) {
            // No revisions to list: data formats get an empty list and the note on stderr.
            String missing = connection.missing("history");
            Printer.print(cli, output.format, List.of(), () -> missing + "\n");
            if (output.format != OutputFormat.text) {
                cli.notice(missing);
            }
            return ExitCode.OK;
        }
        List<Revision> revisions = rollouts.get().history(id);
        Printer.print(cli, output.format, revisions, () -> table(revisions));
        return ExitCode.OK;
    }

    static String table(List<Revision> revisions) {
        return Printer.table(List.of("REVISION", "COMMITTED", "HEALTHY", "PLAN"), revisions.stream()
                .map(revision -> List.of((revision.target() ? "* " : "  ") + revision.id(),
                        revision.committedAt() == null ? "-"
                                : revision.committedAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                        revision.provenHealthy() ? "yes" : "no",
                        revision.plan()))
                .toList());
    }
}
