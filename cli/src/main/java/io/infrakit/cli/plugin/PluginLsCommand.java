package io.infrakit.cli.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.Commands;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.cli.OutputOptions;
import io.infrakit.cli.Printer;
import io.infrakit.manager.process.ProcessPhase;
import io.infrakit.manager.process.ProcessRecord;
import io.infrakit.manager.process.ProcessStates;
import io.infrakit.rpc.PluginEndpoint;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InterfaceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Command(name = "ls", description = "List every plugin object with its kind (as 'plugin start' names kinds; process "
        + "for a plugin process of the plugins config, - for a plugin started apart), the interfaces and versions it "
        + "implements, its socket, and for a plugin process its pid, uptime, restarts and health.")
public final class PluginLsCommand extends BaseCommand {

    @Mixin
    OutputOptions output = new OutputOptions();

    PluginLsCommand(CliEnvironment cli) {
        super(cli);
    }

    /** One object of one plugin, and one interface it implements; a plugin process's state when it is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(@JsonProperty("Name") String name,
                      @JsonProperty("Kind") String kind,
                      @JsonProperty("Interface") String implemented,
                      @JsonProperty("Socket") String socket,
                      @JsonProperty("Error") String error,
                      @JsonProperty("Process") ProcessState process) {

        public Row(String name, String kind, String implemented, String socket, String error) {
            this(name, kind, implemented, socket, error, null);
        }
    }

    /** A plugin process as {@code plugin ls} shows it: uptime in seconds while it runs. */
    public record ProcessState(@JsonProperty("Pid") long pid,
                               @JsonProperty("Phase") String phase,
                               @JsonProperty("UptimeSeconds") Long uptimeSeconds,
                               @JsonProperty("Restarts") int restarts,
                               @JsonProperty("Message") String message) {
    }

    @Override
    protected int run() {
        List<Row> rows = rows(ManagerConnection.open(cli, home()));
        Printer.print(cli, output.format, rows, () -> Printer.table(List.of("NAME", "KIND", "INTERFACE", "PID",
                "UPTIME", "RESTARTS", "HEALTH", "SOCKET"), rows.stream().map(PluginLsCommand::cells).toList()));
        return ExitCode.OK;
    }

    private static List<String> cells(Row row) {
        ProcessState process = row.process();
        String health = row.error() != null ? "unreachable: " + row.error() : "ok";
        if (process != null && !ProcessPhase.RUNNING.label().equals(process.phase())) {
            health = process.phase() + ": " + process.message();
        }
        // The socket last: its width is the home's, and no other column is padded by it.
        return List.of(row.name(), row.kind(), row.implemented(),
                process == null || process.pid() == 0 ? "-" : String.valueOf(process.pid()),
                process == null || process.uptimeSeconds() == null ? "-" : uptime(process.uptimeSeconds()),
                process == null ? "-" : String.valueOf(process.restarts()), health, row.socket());
    }

    /**
     * Every object of every plugin the manager's directory lists, by name, and every plugin process the manager
     * supervises; one that does not answer says why. The plugins are asked one after another, on the command's
     * own thread: asked at once they were no faster on two cores, and the order and thread of the debug lines
     * {@code -v} shows differed from run to run and between the manager and the caller's JVM.
     */
    public static List<Row> rows(ManagerConnection manager) {
        Map<String, String> kinds = manager.servedKinds();
        Map<String, ProcessRecord> processes = ProcessStates.read(manager.home()).stream()
                .collect(Collectors.toMap(ProcessRecord::name, Function.identity(), (a, b) -> a));
        List<PluginEndpoint> endpoints = manager.endpoints();
        List<Row> rows = new ArrayList<>();
        for (PluginEndpoint endpoint : endpoints) {
            rows.addAll(rowsOf(manager, endpoint, kinds.getOrDefault(endpoint.name(),
                    processes.containsKey(endpoint.name()) ? "process" : "-"), state(processes.get(endpoint.name()))));
        }
        processes.values().stream()
                .filter(record -> endpoints.stream().noneMatch(endpoint -> endpoint.name().equals(record.name())))
                .forEach(record -> rows.add(new Row(record.name(), "process", "-",
                        manager.home().pluginsDir().resolve(record.name()).toString(), null, state(record))));
        rows.sort((a, b) -> (a.name() + " " + a.implemented()).compareTo(b.name() + " " + b.implemented()));
        return rows;
    }

    private static List<Row> rowsOf(ManagerConnection manager, PluginEndpoint endpoint, String kind,
                                    ProcessState process) {
        List<Row> rows = new ArrayList<>();
        try {
            Map<InterfaceSpec, List<String>> objects = manager.client(endpoint).hello();
            objects.forEach((spec, names) -> names.forEach(object ->
                    rows.add(new Row(objectName(endpoint.name(), object), kind, spec.encoded(),
                            endpoint.socket().toString(), null, process))));
        } catch (InfrakitException e) {
            rows.add(new Row(endpoint.name(), kind, "-", endpoint.socket().toString(), Commands.oneLine(e), process));
        }
        return rows;
    }

    private static ProcessState state(ProcessRecord record) {
        if (record == null) {
            return null;
        }
        Long uptime = record.phase() == ProcessPhase.RUNNING && record.startedAt() != null
                ? Duration.between(record.startedAt(), Instant.now()).toSeconds() : null;
        return new ProcessState(record.pid(), record.phase().label(), uptime, record.restarts(), record.message());
    }

    private static String uptime(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        return seconds < 3600 ? seconds / 60 + "m" + seconds % 60 + "s" : seconds / 3600 + "h" + seconds % 3600 / 60 + "m";
    }

    private static String objectName(String lookup, String object) {
        return ".".equals(object) || object.isEmpty() ? lookup : lookup + "/" + object;
    }
}
