package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A guided tour on the file plugin: a group of five, two deaths healed, a rolling update, and where to look next. */
@Command(name = "quickstart", description = "Watch a group of 5 file instances heal and roll out a new version.")
final class QuickstartCommand extends BaseCommand {

    static final GroupId GROUP = GroupId.of("quickstart");
    private static final Duration POLL = Duration.ofMillis(100);

    private RolloutControl rollouts;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "120s",
            description = "How long each step may take (default: ${DEFAULT-VALUE})")
    Duration timeout;

    QuickstartCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() throws IOException {
        InfrakitHome home = home();
        ManagerConnection manager = ManagerConnection.open(withFastPolling(), home);
        GroupPlugin groups = manager.groups();
        rollouts = manager.rollouts();
        Path files = cli.environment().containsKey("INFRAKIT_INSTANCE_FILE_DIR")
                ? Path.of(cli.environment().get("INFRAKIT_INSTANCE_FILE_DIR"))
                : home.root().resolve("instances").resolve("file");

        say("1/4  A group of 5 instances on the file plugin: one JSON file each, in " + files);
        say("     " + groups.commitGroup(spec(1), false));
        GroupDescription first = waitFor(groups, "5 instances", d -> d.converged() && d.instances().size() == 5);
        show(first);

        List<InstanceId> victims = first.instances().stream().map(InstanceDescription::id).limit(2).toList();
        say("2/4  Two instances die: deleting " + victims.stream().map(InstanceId::value).collect(Collectors.joining(" and ")));
        for (InstanceId victim : victims) {
            Files.deleteIfExists(files.resolve(victim.value()));
        }
        GroupDescription healed = waitFor(groups, "the group to heal", d -> d.instances().size() == 5
                && d.instances().stream().noneMatch(i -> victims.contains(i.id())));
        show(healed);

        say("3/4  Version 2 of the spec: a rolling update replaces every instance");
        say("     " + groups.commitGroup(spec(2), false));
        Set<InstanceId> before = healed.instances().stream().map(InstanceDescription::id).collect(Collectors.toSet());
        show(waitFor(groups, "the rollout", d -> d.converged() && d.instances().size() == 5
                && d.instances().stream().noneMatch(i -> before.contains(i.id()))));

        say("4/4  Look around:");
        say("     ./infrakit group describe quickstart      the members and their tags");
        say("     ./infrakit group ls                       every group the manager keeps");
        say("     ls " + files + "    delete one and watch it come back");
        say("     Clean up: ./infrakit group destroy quickstart && ./infrakit manager stop");
        return ExitCode.OK;
    }

    /** A manager the quick start starts itself checks its groups every second, so the tour does not drag. */
    private CliEnvironment withFastPolling() {
        Map<String, String> environment = new HashMap<>(cli.environment());
        environment.putIfAbsent("INFRAKIT_GROUP_POLL_INTERVAL", "1s");
        return cli.withEnvironment(environment);
    }

    static GroupSpec spec(int version) {
        return new GroupSpec(GROUP, Any.parse("""
                {
                  "Allocation": {"Size": 5},
                  "Instance": {"Plugin": "file", "Properties": {"Note": "quick start, version %d"}},
                  "Flavor": {"Plugin": "vanilla", "Properties": {
                    "Init": ["echo hello from version %d"], "Tags": {"tour": "quickstart"}}}
                }""".formatted(version, version)));
    }

    private GroupDescription waitFor(GroupPlugin groups, String what, Predicate<GroupDescription> done) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        String shown = "";
        while (true) {
            GroupDescription description = groups.describeGroup(GROUP);
            if (done.test(description)) {
                say("     done in " + Duration.between(start, Instant.now()).toMillis() + " ms");
                return description;
            }
            String line = ConvergenceWait.line(rollouts.status(GROUP));
            if (!line.equals(shown)) {
                shown = line;
                say("     " + line);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new NotConvergedException("the quick start waited " + timeout.toSeconds() + "s for " + what
                        + "; see ./infrakit group describe quickstart and " + home().managerLogFile());
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private void show(GroupDescription description) {
        description.instances().forEach(instance -> say("       " + instance.id()));
    }

    private void say(String line) {
        cli.out().println(line);
        cli.out().flush();
    }
}
