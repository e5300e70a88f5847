package io.infrakit.cli;

import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.simulation.RolloutSimulator;
import io.infrakit.engine.group.simulation.SimulationResult;
import io.infrakit.engine.group.simulation.SimulationSettings;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Command(name = "commit", description = {
        "Declare a group's desired state; with --pretend, only say what it would do.",
        "With --simulate, predict the rollout's schedule instead: the real controller runs against simulated "
                + "instances in virtual time (each provision and destroy takes --provision-time, a new instance is "
                + "healthy --healthy-time after it is provisioned, polls as INFRAKIT_GROUP_POLL_INTERVAL), starting "
                + "from the group's current members; nothing real is touched. Exit 6 if the simulated rollout "
                + "would fail or not settle, or the simulation takes longer than INFRAKIT_SIMULATION_TIMEOUT "
                + "(default 5m); exit 3 for a group larger than INFRAKIT_SIMULATION_MAX_SIZE (default 100000)."})
final class GroupCommitCommand extends BaseCommand {

    /** The controller's few lines per commit would clutter the schedule on stderr; a simulation shows warnings. */
    private static final String CONTROLLER_LOG_LEVEL = "org.slf4j.simpleLogger.log.io.infrakit.engine.group";

    @Parameters(index = "0", paramLabel = "FILE", defaultValue = "-",
            description = "The group spec ({\"ID\": ..., \"Properties\": ...}) as JSON or YAML, or a template "
                    + "of one (*.json.ftl, *.yml.ftl); - for stdin")
    String source;

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "A variable for a template spec (typed: integer, true/false, else text); repeatable")
    List<String> vars = new ArrayList<>();

    @Option(names = "--pretend", description = "Print the plan and change nothing")
    boolean pretend;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wait up to this long (e.g. 30s, 5m) for the group to converge with every instance healthy; exit 6 if it does not")
    Duration wait;

    @Option(names = "--simulate", description = "Print the predicted schedule (steps, duration, ETA) and change nothing")
    boolean simulate;

    @Option(names = "--provision-time", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "30s", description = "With --simulate: how long each provision and destroy takes "
            + "(default: ${DEFAULT-VALUE})")
    Duration provisionTime;

    @Option(names = "--healthy-time", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "60s", description = "With --simulate: how long after its provision a new instance "
            + "becomes healthy (default: ${DEFAULT-VALUE})")
    Duration healthyTime;

    GroupCommitCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() {
        GroupSpec spec = SpecFiles.readOrRender(source, cli.in(), cli.workingDirectory(), GroupSpec.class,
                TemplateVariables.parse(vars), home());
        if (simulate) {
            return simulate(spec);
        }
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
        GroupPlugin groups = ManagerConnection.open(cli, home()).groups();
        String plan = groups.commitGroup(spec, true);
        Optional<GroupSpec> current = groups.inspectGroups().stream()
                .filter(stored -> stored.id().equals(spec.id())).findFirst();
        List<InstanceDescription> members = current.isPresent()
                ? groups.describeGroup(spec.id()).instances() : List.of();
        if (System.getProperty(CONTROLLER_LOG_LEVEL) == null) {
            System.setProperty(CONTROLLER_LOG_LEVEL, "warn");
        }
        Clock clock = Clock.systemDefaultZone();
        Instant now = clock.instant();
        SimulationResult result = simulator.simulate(current.orElse(null), members, spec, now);
        cli.out().print(SimulationReport.render(spec.id(), plan, settings, result, now, clock.getZone()));
        cli.out().flush();
        return result.succeeded() ? ExitCode.OK : ExitCode.NOT_CONVERGED;
    }
}
