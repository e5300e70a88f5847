package io.infrakit.cli.group;

import io.infrakit.cli.GroupAddress;
import io.infrakit.cli.GroupConnection;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.GroupIdParameter;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputFormat;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "inspect", description = "Print a group's committed spec as the manager stores it ({\"ID\": ..., "
        + "\"Properties\": ...}): JSON, or YAML with -o yaml; what commit takes back. Exit 3 for a group not committed.")
final class GroupInspectCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    @Mixin
    OutputOptions output = new OutputOptions();

    GroupInspectCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupAddress address = group.address();
        GroupId id = address.group();
        List<GroupSpec> committed = GroupConnection.open(cli, home(), address.plugin()).groups(id).inspectGroups();
        GroupSpec spec = committed.stream().filter(stored -> stored.id().equals(id)).findFirst()
                .orElseThrow(() -> unknown(id, committed));
        // The spec is data either way: text output is its JSON.
        Printer.print(cli, output.format == OutputFormat.yaml ? OutputFormat.yaml : OutputFormat.json, spec,
                () -> "");
        return ExitCode.OK;
    }

    static InvalidSpecException unknown(GroupId id, List<GroupSpec> committed) {
        List<String> ids = committed.stream().map(spec -> spec.id().value()).sorted().toList();
        return new InvalidSpecException("no group '" + id + "' is committed; "
                + (ids.isEmpty() ? "there are none" : "groups: " + String.join(", ", ids)));
    }
}
