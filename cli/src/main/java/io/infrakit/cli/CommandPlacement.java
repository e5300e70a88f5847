package io.infrakit.cli;

import io.infrakit.cli.group.GroupCommitCommand;
import io.infrakit.cli.image.ImageBuildCommand;
import io.infrakit.cli.instance.InstanceProvisionCommand;
import io.infrakit.cli.manager.ManagerCommand;
import io.infrakit.cli.playbook.PlaybookRunCommand;
import io.infrakit.cli.plugin.PluginRunCommand;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.manager.CommandRunner;
import io.infrakit.manager.Invocation;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.util.List;

/**
 * The CLI as the manager runs it for the launcher, and the one place that decides where a command runs. Every
 * command runs in the manager, with the caller's directory, environment and stdin, except:
 * <ul>
 *   <li>the {@code manager} commands, which start, stop and run the manager itself, and {@code plugin run}, a
 *       plugin in the foreground of its own process;</li>
 *   <li>{@code group commit --simulate}: a simulation is bounded to its caller's JVM and ends with it;</li>
 *   <li>{@code playbook run} at a terminal, which may ask for parameters there, {@code image build} and
 *       {@code quickstart}, which start processes and builds whose limits are the caller's;</li>
 *   <li>a command for another home ({@code --home}), and one with an argument file ({@code @FILE}), which picocli
 *       reads from the process's own directory.</li>
 * </ul>
 * A command that reads stdin waits until the caller has sent it.
 */
public final class CommandPlacement implements CommandRunner {

    private final InfrakitHome managerHome;

    public CommandPlacement(InfrakitHome managerHome) {
        this.managerHome = managerHome;
    }

    @Override
    public Prepared prepare(Invocation invocation, PrintWriter out, PrintWriter err) {
        String[] args = invocation.args().toArray(String[]::new);
        CommandLine commandLine = Commands.commandLine(environment(invocation, out, err));
        return new Ready(place(invocation, commandLine, args), () -> commandLine.execute(args));
    }

    private Placement place(Invocation invocation, CommandLine commandLine, String[] args) {
        if (invocation.args().stream().anyMatch(arg -> arg.startsWith("@"))) {
            return Placement.CALLER;
        }
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return Placement.HERE;
        }
        List<CommandLine> path = parsed.asCommandLineList();
        Object leaf = path.get(path.size() - 1).getCommand();
        if (leaf instanceof BaseCommand command && !command.home().root().equals(managerHome.root())) {
            return Placement.CALLER;
        }
        boolean local = path.stream().anyMatch(line -> line.getCommand() instanceof ManagerCommand)
                || leaf instanceof GroupCommitCommand commit && commit.simulate
                || leaf instanceof PlaybookRunCommand && invocation.terminal()
                || leaf instanceof ImageBuildCommand
                || leaf instanceof QuickstartCommand
                || leaf instanceof PluginRunCommand;
        if (local) {
            return Placement.CALLER;
        }
        boolean readsStdin = leaf instanceof GroupCommitCommand commit && "-".equals(commit.source)
                || leaf instanceof InstanceProvisionCommand provision && "-".equals(provision.source)
                || leaf instanceof PlaybookRunCommand run && run.paramsFile != null
                        && "-".equals(run.paramsFile.toString());
        return readsStdin ? Placement.NEEDS_STDIN : Placement.HERE;
    }

    private record Ready(Placement placement, java.util.function.IntSupplier command) implements Prepared {

        @Override
        public int run() {
            return command.getAsInt();
        }
    }

    private static CliEnvironment environment(Invocation invocation, PrintWriter out, PrintWriter err) {
        return new CliEnvironment(out, err, invocation.environment(), invocation.terminal(),
                invocation.workingDirectory(), new ByteArrayInputStream(invocation.stdin().orElse(new byte[0])));
    }
}
