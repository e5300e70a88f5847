package io.infrakit.cli.group;

import io.infrakit.cli.LogLevel;
import io.infrakit.cli.GroupConnection;
import io.infrakit.cli.GroupPluginOption;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.CommandPlacement;
import io.infrakit.cli.ConvergenceWait;
import io.infrakit.cli.DurationConverter;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputFormat;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.cli.SpecFiles;
import io.infrakit.cli.TemplateVariables;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.simulation.RolloutSimulator;
import io.infrakit.engine.group.simulation.SimulationResult;
import io.infrakit.engine.group.simulation.SimulationSettings;
import io.infrakit.manager.LogSetup;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import org.slf4j.event.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Command(name = "commit", description = {
        "Declare a group's desired state; with --pretend, only say what it would do and which fields differ from "
                + "the committed spec (path: old -> new; -o json for a structured diff).",
        "With --simulate, predict the rollout's schedule instead: the real controller runs against simulated "
                + "instances in virtual time (each provision and destroy takes --provision-time, a new instance is "
                + "healthy --healthy-time after it is provisioned, polls as INFRAKIT_GROUP_POLL_INTERVAL), starting "
                + "from the group's current members; nothing real is touched. Exit 6 if the simulated rollout "
                + "would fail or not settle, or the simulation takes longer than INFRAKIT_SIMULATION_TIMEOUT "
                + "(default 5m); exit 3 for a group larger than INFRAKIT_SIMULATION_MAX_SIZE (default 100000)."})
public final class GroupCommitCommand extends BaseCommand {

    /** The controller's few lines per commit would clutter the schedule on stderr; a simulation shows warnings. */
    private static final String CONTROLLER_LOGGERS = "io.infrakit.engine.group";

    @Parameters(index = "0", paramLabel = "FILE", defaultValue = "-",
            description = "The group spec ({\"ID\": ..., \"Properties\": ...}) as JSON or YAML, or a template "
                    + "of one (*.json.ftl, *.yml.ftl); - for stdin")
    public String source;

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "A variable for a template spec (typed: integer, true/false, else text); repeatable")
    List<String> vars = new ArrayList<>();

    @Option(names = "--pretend", description = "Print the plan and change nothing")
    boolean pretend;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait up to this long (e.g. 30s, 5m) for the group to converge with every instance healthy; exit 6 if it does not")
    Duration wait;

    @Option(names = "--simulate", description = "Print the predicted schedule (steps, duration, ETA) and change nothing")
    public boolean simulate;

    @Option(names = "--provision-time", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "30s", description = "With --simulate: how long each provision and destroy takes "
            + "(default: ${DEFAULT-VALUE})")
    Duration provisionTime;

    @Option(names = "--healthy-time", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "60s", description = "With --simulate: how long after its provision a new instance "
            + "becomes healthy (default: ${DEFAULT-VALUE})")
    Duration healthyTime;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    GroupPluginOption plugin = new GroupPluginOption();

    GroupCommitCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        GroupSpec spec = SpecFiles.readOrRender(source, cli.in(), cli.workingDirectory(), GroupSpec.class,
                TemplateVariables.parse(vars), home());
        if (simulate) {
            return simulate(spec);
        }
        GroupConnection connection = GroupConnection.open(cli, home(), plugin.pluginName());
        if (pretend) {
            return pretend(connection.groups(), spec);
        }
        String plan = connection.groups().commitGroup(spec, false);
        Printer.print(cli, output.format, new Committed(spec.id().value(), plan, null),
                () -> "Committed " + spec.id() + ": " + plan);
        if (wait == null) {
            return ExitCode.OK;
        }
        // Data on stdout stays parseable: the wait's progress lines go to stderr then.
        CliEnvironment progress = output.format == OutputFormat.text ? cli : new CliEnvironment(cli.err(), cli.err(),
                cli.environment(), cli.terminal(), cli.workingDirectory(), cli.in());
        ConvergenceWait.of(progress, connection, spec.id(), wait).await();
        return ExitCode.OK;
    }

    /** What a commit printed; Changes only with --pretend, null for a group not committed before. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Committed(@JsonProperty("ID") String id,
                     @JsonProperty("Plan") String plan,
                     @JsonProperty("Changes") List<SpecDiff.Change> changes) {
    }

    /** The plan, and the fields of the committed spec that this one changes: why a rollout would happen. */
    private int pretend(GroupPlugin groups, GroupSpec spec) {
        String plan = groups.commitGroup(spec, true);
        Optional<GroupSpec> committed = committed(groups, spec);
        List<SpecDiff.Change> changes = committed
                .map(stored -> SpecDiff.between(stored.properties(), spec.properties())).orElse(null);
        Printer.print(cli, output.format, new Committed(spec.id().value(), plan, changes), () -> {
            String text = "Committing " + spec.id() + " would involve: " + plan + "\n";
            if (changes == null) {
                return text + "(a new group: nothing is committed under this ID)\n";
            }
            return changes.isEmpty() ? text + "(the spec equals the committed one)\n"
                    : text + "Changes to the committed spec:\n" + SpecDiff.lines(changes);
        });
        return ExitCode.OK;
    }

    private static Optional<GroupSpec> committed(GroupPlugin groups, GroupSpec spec) {
        return groups.inspectGroups().stream().filter(stored -> stored.id().equals(spec.id())).findFirst();
    }

    /**
     * Runs in the caller's own JVM, never in the manager's ({@link CommandPlacement} sends it back), so it logs
     * nothing there and ends when its caller does. Bounded: a group larger than INFRAKIT_SIMULATION_MAX_SIZE is
     * refused before the manager is asked anything, and INFRAKIT_SIMULATION_TIMEOUT caps its real time. The
     * manager validates the spec with the real plugins and gives the plan (a pretend commit, no side effects); the
     * group's stored spec and members are the simulation's starting point.
     */
    private int simulate(GroupSpec spec) {
        SimulationSettings settings = SimulationSettings.defaults().withLatency(provisionTime, healthyTime)
                .withController(ControllerSettings.fromEnvironment(cli.environment()))
                .withBoundsFrom(cli.environment());
        RolloutSimulator simulator = new RolloutSimulator(settings);
        simulator.checkSize(spec);
        GroupPlugin groups = GroupConnection.open(cli, home(), plugin.pluginName()).groups();
        String plan = groups.commitGroup(spec, true);
        Optional<GroupSpec> current = committed(groups, spec);
        List<InstanceDescription> members = current.isPresent()
                ? groups.describeGroup(spec.id()).instances() : List.of();
        if (cli.logLevel() == LogLevel.INFO) {
            // A simulation runs in its caller's JVM alone (CommandPlacement): the process is the command's.
            LogSetup.setLevel(CONTROLLER_LOGGERS, Level.WARN);
        }
        Clock clock = Clock.systemDefaultZone();
        Instant now = clock.instant();
        SimulationResult result = simulator.simulate(current.orElse(null), members, spec, now);
        Printer.print(cli, output.format, SimulationReport.data(spec.id(), plan, settings, result, now),
                () -> SimulationReport.render(spec.id(), plan, settings, result, now, clock.getZone()));
        return result.succeeded() ? ExitCode.OK : ExitCode.NOT_CONVERGED;
    }
}
