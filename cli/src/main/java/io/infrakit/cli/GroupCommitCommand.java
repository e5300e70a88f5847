package io.infrakit.cli;

import io.infrakit.spi.group.GroupSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;

@Command(name = "commit", description = "Declare a group's desired state; with --pretend, only say what it would do.")
final class GroupCommitCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "FILE", defaultValue = "-",
            description = "The group spec ({\"ID\": ..., \"Properties\": ...}) as JSON or YAML; - for stdin")
    String source;

    @Option(names = "--pretend", description = "Print the plan and change nothing")
    boolean pretend;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait up to this long (e.g. 30s, 5m) for the group to converge; exit 6 if it does not")
    Duration wait;

    GroupCommitCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() {
        GroupSpec spec = SpecFiles.read(source, System.in, GroupSpec.class);
        ManagerConnection manager = ManagerConnection.open(cli, home());
        String plan = manager.groups().commitGroup(spec, pretend);
        cli.out().println(pretend
                ? "Committing " + spec.id() + " would involve: " + plan
                : "Committed " + spec.id() + ": " + plan);
        cli.out().flush();
        if (wait == null || pretend) {
            return ExitCode.OK;
        }
        new ConvergenceWait(cli, manager.rollouts(), spec.id(), wait).await();
        return ExitCode.OK;
    }
}
