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
import org.slf4j.MDC;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

@Command(name = "ls", description = "List every plugin object with its kind (as 'plugin start' names kinds; process "
        + "for a plugin process of the plugins config, - for a plugin started apart), the interfaces and versions it "
        + "implements, its socket, and for a plugin process its pid, uptime, restarts and health.")
public final class PluginLsCommand extends BaseCommand {

    /** How many plugins are asked for their handshake at once. */
    static final int CONCURRENT_HANDSHAKES = 8;

    /** Shared by every {@code plugin ls} a manager runs, so none pays for starting threads. */
    private static final ExecutorService HANDSHAKES = Executors.newFixedThreadPool(CONCURRENT_HANDSHAKES, runnable -> {
        Thread thread = new Thread(runnable, "plugin-ls-handshake");
        thread.setDaemon(true);
        return thread;
    });

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
        Printer.print(cli, output.format, rows, () -> Printer.table(List.of("NAME", "KIND", "INTERFACE", "SOCKET",
                "PID", "UPTIME", "RESTARTS", "HEALTH"), rows.stream().map(PluginLsCommand::cells).toList()));
        return ExitCode.OK;
    }

    private static List<String> cells(Row row) {
        ProcessState process = row.process();
        String health = row.error() != null ? "unreachable: " + row.error() : "ok";
        if (process != null && !ProcessPhase.RUNNING.label().equals(process.phase())) {
            health = process.phase() + ": " + process.message();
        }
        return List.of(row.name(), row.kind(), row.implemented(), row.socket(),
                process == null || process.pid() == 0 ? "-" : String.valueOf(process.pid()),
                process == null || process.uptimeSeconds() == null ? "-" : uptime(process.uptimeSeconds()),
                process == null ? "-" : String.valueOf(process.restarts()), health);
    }

    /**
     * Every object of every plugin the manager's directory lists, by name, and every plugin process the manager
     * supervises; one that does not answer says why. The plugins are asked at once (at most
     * {@value #CONCURRENT_HANDSHAKES} at a time); the rows are sorted, so their order does not depend on who
     * answered first.
     */
    public static List<Row> rows(ManagerConnection manager) {
        Map<String, String> kinds = manager.servedKinds();
        Map<String, ProcessRecord> processes = ProcessStates.read(manager.home()).stream()
                .collect(Collectors.toMap(ProcessRecord::name, Function.identity(), (a, b) -> a));
        List<PluginEndpoint> endpoints = manager.endpoints();
        List<Row> rows = new ArrayList<>();
        // The command's logging context (its -v level and its caller's stderr) goes with each handshake.
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        List<CompletableFuture<List<Row>>> answers = endpoints.stream()
                .map(endpoint -> CompletableFuture.supplyAsync(() -> withLogContext(logContext, () ->
                        rowsOf(manager, endpoint, kinds.getOrDefault(endpoint.name(),
                                processes.containsKey(endpoint.name()) ? "process" : "-"),
                                state(processes.get(endpoint.name())))), HANDSHAKES))
                .toList();
        answers.forEach(answer -> rows.addAll(answer.join()));
        processes.values().stream()
                .filter(record -> endpoints.stream().noneMatch(endpoint -> endpoint.name().equals(record.name())))
                .forEach(record -> rows.add(new Row(record.name(), "process", "-",
                        manager.home().pluginsDir().resolve(record.name()).toString(), null, state(record))));
        rows.sort((a, b) -> (a.name() + " " + a.implemented()).compareTo(b.name() + " " + b.implemented()));
        return rows;
    }

    private static <T> T withLogContext(Map<String, String> context, java.util.function.Supplier<T> work) {
        if (context == null) {
            return work.get();
        }
        MDC.setContextMap(context);
        try {
            return work.get();
        } finally {
            MDC.clear();
        }
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
