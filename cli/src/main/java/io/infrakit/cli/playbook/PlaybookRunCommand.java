package io.infrakit.cli.playbook;

import io.infrakit.cli.OutputFormat;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ConvergenceWait;
import io.infrakit.cli.DurationConverter;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.Images;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.SpecFiles;
import io.infrakit.cli.TemplateVariables;
import io.infrakit.dsl.Plan;
import io.infrakit.playbooks.ParameterResolver;
import io.infrakit.playbooks.PlaybookRunner;
import io.infrakit.playbooks.Prompter;
import io.infrakit.playbooks.RunMode;
import io.infrakit.playbooks.RunSummary;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.Redactor;
import io.infrakit.common.UsageException;
import io.infrakit.spi.group.GroupId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "run", description = {
        "Run a command of a playbook: one added with 'playbook add' (its pinned commit), or a directory with "
                + "playbook.groovy.",
        "The playbook's parameters are options too: --size 5 or --size=5 after the command "
                + "('infrakit playbook run NAME COMMAND --help' lists them). Values also come from --param and "
                + "--params-file; missing ones are asked for on a terminal, else their defaults apply; a required "
                + "one nobody gave is an error (exit 3).",
        "--pretend asks the manager what each commit would do and changes nothing; --print-only prints the "
                + "rendered specs and does not even contact the manager. With either, -o json|yaml prints what the "
                + "run would do as one document."})
public final class PlaybookRunCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "An added playbook's name, or a directory")
    String playbook;

    @Parameters(index = "1", arity = "0..1", paramLabel = "COMMAND",
            description = "The playbook command to run (optional when it has only one)")
    String command;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter's value; repeatable")
    List<String> params = new ArrayList<>();

    @Option(names = "--params-file", paramLabel = "FILE",
            description = "Parameter values as a YAML or JSON map; options win over it")
    public Path paramsFile;

    @Option(names = "--accept-defaults", description = "Use defaults without asking")
    boolean acceptDefaults;

    @Option(names = "--pretend", description = "Show what would happen (the manager's plans) and change nothing")
    boolean pretend;

    @Option(names = "--print-only", description = "Print the rendered specs and what would be done; touch nothing")
    boolean printOnly;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait up to this long for every committed group to converge with every instance healthy; exit 6 if one does not")
    Duration wait;

    @Option(names = "--trust", description = "For a directory: let its templates read the environment, the network "
            + "and INFRAKIT_HOME, and its specs name any file or URL (an added playbook is trusted only when added "
            + "with --trust)")
    boolean trust;

    @Option(names = {"-h", "--help"}, help = true,
            description = "Show this help and the playbook's commands and parameters")
    boolean help;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Unmatched
    List<String> parameterOptions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** The values of the playbook's secret parameters, once known: nothing this command shows reveals them. */
    private Redactor secrets = Redactor.none();

    PlaybookRunCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        if (help) {
            cli.out().print(spec.commandLine().getUsageMessage());
            if (playbook != null) {
                cli.out().println();
                cli.out().print(PlaybookShowCommand.describe(PlaybookLocator.locate(playbook, trust, cli, home())));
            }
            cli.out().flush();
            return ExitCode.OK;
        }
        if (output.format != OutputFormat.text && !pretend && !printOnly) {
            throw new UsageException("playbook run: -o " + output.format + " needs --pretend or --print-only");
        }
        PlaybookLocator.Located located = PlaybookLocator.locate(playbook, trust, cli, home());
        Map<String, Object> given = new LinkedHashMap<>(paramsFromFile());
        given.putAll(TemplateVariables.strings(params, "--param"));
        given.putAll(ParameterOptions.parse(parameterOptions));
        Prompter prompter = cli.terminal() ? new TerminalPrompter() : Prompter.NOBODY;
        Plan plan = new ParameterResolver(prompter, acceptDefaults)
                .plan(located.playbook().playbook(), commandToRun(located), given);
        secrets = located.playbook().playbook().secrets(plan.params());
        RunMode mode = printOnly ? RunMode.PRINT_ONLY : pretend ? RunMode.PRETEND : RunMode.EXECUTE;
        ManagerInfrastructure infrastructure = new ManagerInfrastructure(() -> ManagerConnection.open(cli, home()),
                Images.builder(home(), cli.environment()));
        PlaybookRunner runner = new PlaybookRunner(infrastructure, located.confinement(home()), cli.out());
        if (output.format != OutputFormat.text) {
            Printer.print(cli, output.format, runner.preview(playbook, located.playbook(), plan,
                    located.templates(home(), cli), mode), () -> "");
            return ExitCode.OK;
        }
        RunSummary summary = runner.run(located.playbook(), plan, located.templates(home(), cli), mode);
        if (wait != null && mode == RunMode.EXECUTE) {
            for (GroupId group : summary.committed()) {
                new ConvergenceWait(cli, infrastructure.connection().rollouts(), group, wait, secrets).await();
            }
        }
        return ExitCode.OK;
    }

    @Override
    protected Redactor redactor() {
        return secrets;
    }

    private String commandToRun(PlaybookLocator.Located located) {
        if (command != null) {
            return command;
        }
        var commands = located.playbook().playbook().commands();
        if (commands.size() == 1) {
            return commands.get(0).name();
        }
        throw new InvalidSpecException(located.playbook().playbook().fileName() + ": which command? "
                + (commands.isEmpty() ? "it declares none"
                : "commands: " + String.join(", ", commands.stream().map(c -> c.name()).sorted().toList())));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> paramsFromFile() {
        return paramsFile == null ? Map.of() : SpecFiles.read(paramsFile.toString(), cli.in(), cli.workingDirectory(), LinkedHashMap.class);
    }
}
