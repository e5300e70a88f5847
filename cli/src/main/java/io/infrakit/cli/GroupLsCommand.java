package io.infrakit.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "ls", description = "List the groups the manager keeps.")
final class GroupLsCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    GroupLsCommand(CliEnvironment cli) {
        super(cli);
    }

    record Row(@JsonProperty("ID") String id, @JsonProperty("Instances") int instances,
               @JsonProperty("Converged") boolean converged) {
    }

    @Override
    int run() {
        GroupPlugin groups = ManagerConnection.open(cli, home()).groups();
        List<Row> rows = groups.inspectGroups().stream()
                .map(GroupSpec::id)
                .sorted()
                .map(id -> {
                    GroupDescription description = groups.describeGroup(id);
                    return new Row(id.value(), description.instances().size(), description.converged());
                })
                .toList();
        Printer.print(cli, output.format, rows, () -> Printer.table(List.of("ID", "INSTANCES", "CONVERGED"),
                rows.stream().map(row -> List.of(row.id(), Integer.toString(row.instances()),
                        Boolean.toString(row.converged()))).toList()));
        return ExitCode.OK;
    }
}
