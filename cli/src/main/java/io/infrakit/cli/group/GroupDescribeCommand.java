package io.infrakit.cli.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.GroupIdParameter;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.cli.instance.InstanceDescribeCommand;
import io.infrakit.engine.group.plan.WaitTimes;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.instance.InstanceDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

@Command(name = "describe", description = "Show a group's phase, counts, what it waits for, and its instances.")
final class GroupDescribeCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    @Mixin
    OutputOptions output = new OutputOptions();

    GroupDescribeCommand(CliEnvironment cli) {
        super(cli);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Described(@JsonProperty("ID") String id,
                     @JsonProperty("Status") GroupStatus status,
                     @JsonProperty("Converged") boolean converged,
                     @JsonProperty("Instances") List<InstanceDescription> instances) {
    }

    @Override
    protected int run() {
        GroupId id = group.groupId();
        ManagerConnection manager = ManagerConnection.open(cli, home());
        group.requireIn(manager.groups());
        GroupDescription description = manager.groups().describeGroup(id);
        GroupStatus status = manager.rollouts().status(id);
        Described described = new Described(group.id, status, description.converged(), description.instances());
        Printer.print(cli, output.format, described, out -> {
            out.print(summary(status) + "\n");
            InstanceDescribeCommand.table(out, description.instances());
        });
        return ExitCode.OK;
    }

    static String summary(GroupStatus status) {
        StringBuilder text = new StringBuilder()
                .append("group ").append(status.id()).append(": ").append(status.phase())
                .append(status.paused() ? " (paused)" : "")
                .append(", desired ").append(status.desired())
                .append(", current ").append(status.current())
                .append(", updated ").append(status.updated())
                .append(", healthy ").append(status.healthy())
                .append(", unavailable ").append(status.unavailable());
        if (!status.targetHash().isEmpty()) {
            text.append("\n  config: ").append(status.currentHash().isEmpty() ? "(none proven yet)" : status.currentHash());
            if (!status.targetHash().equals(status.currentHash())) {
                text.append(" -> ").append(status.targetHash());
            }
        }
        if (!status.reason().isEmpty()) {
            text.append("\n  ").append(status.reason());
        }
        if (status.eta() != null) {
            text.append("\n  eta: ").append(WaitTimes.format(status.eta()));
        }
        if (!status.lastError().isEmpty()) {
            text.append("\n  last error: ").append(status.lastError());
        }
        return text.toString();
    }
}
