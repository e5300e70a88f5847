package io.infrakit.cli.group;

import io.infrakit.cli.GroupAddress;
import io.infrakit.cli.GroupConnection;
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
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.instance.InstanceDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Optional;

@Command(name = "describe", description = "Show a group's phase, counts, what it waits for, and its instances.")
final class GroupDescribeCommand extends BaseCommand {

    @Mixin
    GroupIdParameter group = new GroupIdParameter();

    @Mixin
    OutputOptions output = new OutputOptions();

    GroupDescribeCommand(CliEnvironment cli) {
        super(cli);
    }

    /**
     * Status from our Rollout extension; from a plugin without it, Desired (InfraKit's Size) and Missing, what it
     * does not offer, instead.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Described(@JsonProperty("ID") String id,
                     @JsonProperty("Status") GroupStatus status,
                     @JsonProperty("Converged") boolean converged,
                     @JsonProperty("Instances") List<InstanceDescription> instances,
                     @JsonProperty("Desired") Integer desired,
                     @JsonProperty("Missing") String missing) {
    }

    @Override
    protected int run() {
        GroupAddress address = group.address();
        GroupId id = address.group();
        GroupConnection connection = GroupConnection.open(cli, home(), address.plugin());
        GroupPlugin groups = connection.groups(id);
        group.requireIn(groups);
        GroupDescription description = groups.describeGroup(id);
        Optional<RolloutControl> rollouts = connection.rollouts(id);
        if (rollouts.isEmpty()) {
            int desired = groups.size(id);
            String missing = connection.missing("phase, health and rollout progress");
            Described described = new Described(id.value(), null, description.converged(), description.instances(),
                    desired, missing);
            Printer.print(cli, output.format, described, out -> {
                out.print("group " + id + ": " + (description.converged() ? "converged" : "updating") + ", desired "
                        + desired + ", current " + description.instances().size() + "\n  " + missing + "\n");
                InstanceDescribeCommand.table(out, description.instances());
            });
            return ExitCode.OK;
        }
        GroupStatus status = rollouts.get().status(id);
        Described described = new Described(id.value(), status, description.converged(), description.instances(),
                null, null);
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
