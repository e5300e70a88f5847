package io.infrakit.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.plugin.PluginLsCommand;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.manager.ManagerProcess;
import io.infrakit.engine.group.plan.WaitTimes;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.RolloutControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

@Command(name = "status", description = {
        "One screen of everything: the manager (pid, uptime, home), its plugins, and every group's phase and counts.",
        "Never starts the manager. Without one it says so and lists the committed groups from the home's stored "
                + "specs (their phases are unknown until a manager runs); it exits 0 either way."})
final class StatusCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    StatusCommand(CliEnvironment cli) {
        super(cli);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Manager(@JsonProperty("Running") boolean running,
                   @JsonProperty("Pid") Long pid,
                   @JsonProperty("Home") String home,
                   @JsonProperty("Started") Instant started,
                   @JsonProperty("Uptime") String uptime) {
    }

    /** A group's phase and counts; without a manager, or when its status cannot be read, only its ID (and Error). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Group(@JsonProperty("ID") String id,
                 @JsonProperty("Status") GroupStatus status,
                 @JsonProperty("Error") String error) {
    }

    record Status(@JsonProperty("Manager") Manager manager,
                  @JsonProperty("Plugins") List<PluginLsCommand.Row> plugins,
                  @JsonProperty("Groups") List<Group> groups) {
    }

    @Override
    protected int run() {
        InfrakitHome home = home();
        Status status = ManagerConnection.ifRunning(cli, home)
                .map(manager -> withManager(manager, home, Clock.systemUTC().instant()))
                .orElseGet(() -> withoutManager(home));
        Printer.print(cli, output.format, status, () -> text(status));
        return ExitCode.OK;
    }

    private Status withManager(ManagerConnection manager, InfrakitHome home, Instant now) {
        OptionalLong pid = ManagerProcess.running(home);
        Optional<Instant> started = pid.isPresent()
                ? ProcessHandle.of(pid.getAsLong()).flatMap(process -> process.info().startInstant())
                : Optional.empty();
        Manager about = new Manager(true, pid.isPresent() ? pid.getAsLong() : null, home.root().toString(),
                started.orElse(null), started.map(start -> Duration.between(start, now).withNanos(0).toString())
                .orElse(null));
        List<Group> groups = new ArrayList<>();
        try {
            RolloutControl rollouts = manager.rollouts();
            for (GroupSpec spec : manager.groups().inspectGroups()) {
                groups.add(group(rollouts, spec));
            }
        } catch (InfrakitException e) {
            cli.notice("cannot list the groups: " + Commands.oneLine(e));
        }
        groups.sort((a, b) -> a.id().compareTo(b.id()));
        return new Status(about, PluginLsCommand.rows(manager), groups);
    }

    /** One group that cannot be read does not hide the others. */
    private static Group group(RolloutControl rollouts, GroupSpec spec) {
        try {
            return new Group(spec.id().value(), rollouts.status(spec.id()), null);
        } catch (InfrakitException e) {
            return new Group(spec.id().value(), null, Commands.oneLine(e));
        }
    }

    /** What the home's files say: the groups committed, read from the stored specs as a restarted manager would. */
    private static Status withoutManager(InfrakitHome home) {
        List<Group> groups = CommittedGroups.in(home).stream()
                .map(stored -> new Group(stored.key().name(), null, null))
                .toList();
        return new Status(new Manager(false, null, home.root().toString(), null, null), List.of(), groups);
    }

    static String text(Status status) {
        Manager manager = status.manager();
        StringBuilder text = new StringBuilder("manager: ");
        if (manager.running()) {
            text.append("running (pid ").append(manager.pid() == null ? "?" : manager.pid())
                    .append(manager.uptime() == null ? "" : ", up " + WaitTimes.format(Duration.parse(manager.uptime())))
                    .append(", home ").append(manager.home()).append(")\n");
            text.append("plugins: ").append(status.plugins().isEmpty() ? "(none)" : String.join(", ",
                    status.plugins().stream().map(StatusCommand::plugin).distinct().toList())).append('\n');
        } else {
            text.append("not running (home ").append(manager.home())
                    .append("); 'infrakit manager start' starts it\n");
        }
        if (status.groups().isEmpty()) {
            return text.append("groups: (none committed)\n").toString();
        }
        text.append('\n');
        List<List<String>> rows = status.groups().stream().map(StatusCommand::row).toList();
        return text.append(Printer.table(List.of("GROUP", "PHASE", "DESIRED", "CURRENT", "UPDATED", "HEALTHY",
                "UNAVAILABLE", "NOTE"), rows)).toString();
    }

    /** A plugin by the name its socket has, not each of its objects ({@code simulator/compute}). */
    private static String plugin(PluginLsCommand.Row row) {
        int slash = row.name().indexOf('/');
        String name = slash < 0 ? row.name() : row.name().substring(0, slash);
        return row.error() == null ? name : name + " (unreachable)";
    }

    private static List<String> row(Group group) {
        GroupStatus status = group.status();
        if (status == null) {
            String note = group.error() != null ? group.error() : "phase unknown: no manager is running";
            return List.of(group.id(), "-", "-", "-", "-", "-", "-", note);
        }
        String note = status.paused() ? "paused" : status.reason();
        if (!status.lastError().isEmpty()) {
            note = note.isEmpty() ? "last error: " + status.lastError() : note + "; last error: " + status.lastError();
        }
        return List.of(group.id(), status.phase().toString(), Integer.toString(status.desired()),
                Integer.toString(status.current()), Integer.toString(status.updated()),
                Integer.toString(status.healthy()), Integer.toString(status.unavailable()), note);
    }
}
