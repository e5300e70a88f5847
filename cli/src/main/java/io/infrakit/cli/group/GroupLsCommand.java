package io.infrakit.cli.group;

import io.infrakit.cli.GroupConnection;
import io.infrakit.cli.GroupPluginOption;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.Commands;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "ls", description = "List the groups a group plugin keeps (the manager's, by default).")
final class GroupLsCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    GroupPluginOption plugin = new GroupPluginOption();

    GroupLsCommand(CliEnvironment cli) {
        super(cli);
    }

    /** Instances is null for a group that is stored but not managed (its plugins were missing when the manager started). */
    record Row(@JsonProperty("ID") String id, @JsonProperty("Instances") Integer instances,
               @JsonProperty("Converged") boolean converged) {
    }

    @Override
    protected int run() {
        GroupConnection connection = GroupConnection.open(cli, home(), plugin.pluginName());
        List<Row> rows = connection.groups().inspectGroups().stream()
                .map(GroupSpec::id)
                .sorted()
                .map(id -> row(connection.groups(id), id, cli))
                .toList();
        Printer.print(cli, output.format, rows, () -> Printer.table(List.of("ID", "INSTANCES", "CONVERGED"),
                rows.stream().map(row -> List.of(row.id(), row.instances() == null ? "-" : row.instances().toString(),
                        Boolean.toString(row.converged()))).toList()));
        return ExitCode.OK;
    }

    /** One group that cannot be described does not hide the others: its row shows no count, stderr says why. */
    private static Row row(GroupPlugin groups, GroupId id, CliEnvironment cli) {
        try {
            GroupDescription description = groups.describeGroup(id);
            return new Row(id.value(), description.instances().size(), description.converged());
        } catch (InfrakitException e) {
            cli.notice(Commands.oneLine(e));
            return new Row(id.value(), null, false);
        }
    }
}
