package io.infrakit.manager.process;

import io.infrakit.common.Durations;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.manager.ManagerConfig;
import io.infrakit.engine.manager.ProcessPluginStatus;
import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.PluginUnavailableException;
import io.infrakit.spi.InfrakitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the plugin processes the manager's config names ({@code processes} in {@code manager.yml}, each defined in
 * the plugins config): starts each, waits for its socket to answer the handshake, restarts it after a crash as
 * {@link Lifecycle} plans, and stops those no longer named. It lives in the manager daemon, one per home, and
 * follows {@code manager.yml} as {@code plugin start} and {@code plugin stop} change it; its records are in
 * {@link ProcessStates} for {@code plugin ls}. Not thread-safe but for {@link #unavailable}: one thread ticks.
 */
public final class PluginSupervisor implements ProcessPluginStatus, AutoCloseable {

    /** How long a plugin process may take to answer its first handshake: 10s, or {@value #START_TIMEOUT_VARIABLE}. */
    public static final String START_TIMEOUT_VARIABLE = "INFRAKIT_PLUGIN_START_TIMEOUT";

    private static final Logger LOG = LoggerFactory.getLogger(PluginSupervisor.class);
    static final Duration TICK = Duration.ofMillis(25);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final InfrakitHome home;
    private final ProcessLauncher launcher;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private final Map<String, ProcessRecord> records = new TreeMap<>();
    private volatile Map<String, ProcessRecord> published = Map.of();
    private final Map<String, ProcessHandle> processes = new TreeMap<>();
    /** The processes this manager started, by pid, for their exit codes. */
    private final Map<Long, Process> children = new java.util.HashMap<>();
    private List<String> wanted = List.of();
    private PluginsConfig config = new PluginsConfig(Map.of());
    private boolean leaveRunning;
    private String lastConfigProblem = "";
    private List<Object> configStamp = List.of();

    public PluginSupervisor(InfrakitHome home, Map<String, String> environment, List<String> pluginRun,
                            Lifecycle lifecycle, Clock clock) {
        this.home = home;
        this.launcher = new ProcessLauncher(home, environment, pluginRun);
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plugin-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Lifecycle lifecycle(Map<String, String> environment) {
        String timeout = environment.get(START_TIMEOUT_VARIABLE);
        return new Lifecycle(RestartPolicy.DEFAULT, timeout == null || timeout.isBlank() ? Duration.ofSeconds(10)
                : Durations.parse(timeout));
    }

    /** Starts following the config: the processes it names are started at the first tick. */
    public void start() {
        adoptLeftRunning();
        ticker.scheduleWithFixedDelay(this::tickSafely, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Processes a previous manager left running ({@code leaveProcessesRunning}) are supervised again, not doubled. */
    private void adoptLeftRunning() {
        for (ProcessRecord record : ProcessStates.read(home)) {
            Optional<ProcessHandle> alive = record.pid() > 0 ? ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive)
                    : Optional.empty();
            if (alive.isPresent() && record.phase() == ProcessPhase.RUNNING) {
                processes.put(record.name(), alive.get());
                records.put(record.name(), record);
                LOG.info("supervising plugin process {} again (pid {})", record.name(), record.pid());
            }
        }
        ProcessStates.write(home, new ArrayList<>(records.values()));
        published = Map.copyOf(records);
    }

    @Override
    public Optional<String> unavailable(String pluginName) {
        ProcessRecord record = published.get(pluginName);
        if (record == null || record.phase() == ProcessPhase.RUNNING) {
            return Optional.empty();
        }
        return Optional.of(switch (record.phase()) {
            case STARTING -> record.restarts() == 0 ? "starting" : "restarting (restart " + record.restarts() + ")";
            case RESTARTING -> "restarting: " + record.message();
            case GAVE_UP -> record.message() + "; see " + record.log();
            default -> "failed to start: " + record.message() + "; see " + record.log();
        });
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("plugin supervisor: {}", e.toString());
        }
    }

    void tick() {
        readConfig();
        for (String name : List.copyOf(records.keySet())) {
            if (!wanted.contains(name)) {
                stop(name);
            }
        }
        for (String name : wanted) {
            if (!records.containsKey(name)) {
                spawn(name, 0);
            }
        }
        for (String name : List.copyOf(records.keySet())) {
            step(name);
        }
        publish();
    }

    /** Both configs are parsed again only when one of them was replaced or changed since the last tick. */
    private void readConfig() {
        List<Object> stamp = List.of(stamp(ManagerConfig.file(home)), stamp(PluginsConfig.fileOrDefault(home)));
        if (stamp.equals(configStamp)) {
            return;
        }
        configStamp = stamp;
        try {
            ManagerConfig managerConfig = ManagerConfig.read(home);
            wanted = managerConfig.processes();
            leaveRunning = managerConfig.leaveProcessesRunning();
            config = PluginsConfig.read(home);
            lastConfigProblem = "";
        } catch (InfrakitException e) {
            if (!e.getMessage().equals(lastConfigProblem)) {
                LOG.warn("plugin processes: keeping the last good config: {}", e.getMessage());
                lastConfigProblem = e.getMessage();
            }
        }
    }

    private static Object stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
        } catch (IOException e) {
            return "absent";
        }
    }

    private void spawn(String name, int restarts) {
        String log = ProcessStates.logFile(home, name).toString();
        Optional<ProcessEntry> entry = config.entry(name);
        if (entry.isEmpty()) {
            records.put(name, new ProcessRecord(name, 0, ProcessPhase.FAILED, restarts, clock.instant(), null,
                    "no plugin '" + name + "' in " + PluginsConfig.fileOrDefault(home), log));
            return;
        }
        if (ProcessStopper.answers(socket(name))) {
            records.put(name, new ProcessRecord(name, 0, ProcessPhase.FAILED, restarts, clock.instant(), null,
                    "another plugin already answers on " + socket(name), log));
            return;
        }
        ProcessStopper.removeSocket(socket(name));
        try {
            Process process = launcher.start(name, entry.get());
            processes.put(name, process.toHandle());
            children.values().removeIf(child -> !child.isAlive());
            children.put(process.pid(), process);
            records.put(name, ProcessRecord.started(name, process.pid(), restarts, clock.instant(), log));
            LOG.info("started plugin process {} (pid {}, log {})", name, process.pid(), log);
        } catch (IOException e) {
            String command = entry.get().isBuiltIn() ? "plugin run " + entry.get().kind() : entry.get().command();
            records.put(name, new ProcessRecord(name, 0, ProcessPhase.FAILED, restarts, clock.instant(), null,
                    "cannot run '" + command + "': " + cause(e), log));
        }
    }

    private void step(String name) {
        ProcessRecord record = records.get(name);
        Lifecycle.Step step = lifecycle.next(record, observe(record), clock.instant());
        if (!step.record().equals(record) && step.record().phase() != record.phase()) {
            LOG.info("plugin process {}: {}{}", name, step.record().phase().label(),
                    step.record().message().isEmpty() ? "" : " (" + step.record().message() + ")");
        }
        records.put(name, step.record());
        switch (step.action()) {
            case KILL -> {
                ProcessHandle process = processes.remove(name);
                ProcessStopper.stop(process == null ? 0 : process.pid(), socket(name), ProcessStopper.GRACE);
            }
            case SPAWN -> spawn(name, step.record().restarts());
            case NONE -> {
                if (step.record().phase() != ProcessPhase.STARTING && step.record().phase() != ProcessPhase.RUNNING
                        && processes.remove(name) != null) {
                    // It exited: nothing listens on the socket it may have left.
                    ProcessStopper.removeSocket(socket(name));
                }
            }
        }
    }

    private Observation observe(ProcessRecord record) {
        ProcessHandle process = processes.get(record.name());
        if (record.phase() == ProcessPhase.RESTARTING || process == null) {
            return Observation.exited(OptionalInt.empty());
        }
        if (!process.isAlive()) {
            return Observation.exited(exitCode(process));
        }
        if (record.phase() != ProcessPhase.STARTING) {
            return Observation.running(Observation.Handshake.NOT_ASKED);
        }
        try {
            if (new PluginClient(record.name(), socket(record.name()), PROBE_TIMEOUT).hello().isEmpty()) {
                return Observation.badHandshake("no interface in its answer");
            }
            return Observation.running(Observation.Handshake.ANSWERED);
        } catch (PluginUnavailableException e) {
            return Observation.running(Observation.Handshake.NOT_YET);
        } catch (InfrakitException e) {
            if (timedOut(e)) {
                // A JVM just started may answer its first call slowly: asked again until the handshake timeout.
                return Observation.running(Observation.Handshake.NOT_YET);
            }
            return Observation.badHandshake(e.getMessage());
        }
    }

    /** A child's exit code; one adopted from a previous manager has none to give. */
    private OptionalInt exitCode(ProcessHandle process) {
        Process child = children.get(process.pid());
        return child == null ? OptionalInt.empty() : OptionalInt.of(child.exitValue());
    }

    private static boolean timedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void stop(String name) {
        ProcessHandle process = processes.remove(name);
        ProcessStopper.stop(process == null ? 0 : process.pid(), socket(name), ProcessStopper.GRACE);
        records.remove(name);
        LOG.info("stopped plugin process {}", name);
    }

    private void publish() {
        Map<String, ProcessRecord> now = Map.copyOf(records);
        if (!now.equals(published)) {
            published = now;
            ProcessStates.write(home, new ArrayList<>(records.values()));
        }
    }

    private Path socket(String name) {
        return home.pluginsDir().resolve(name);
    }

    private static String cause(IOException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.lastIndexOf(", ");
        return colon >= 0 ? message.substring(colon + 2) : message;
    }

    /** Stops ticking; stops every process unless the config says to leave them running. */
    @Override
    public void close() {
        ticker.shutdown();
        try {
            ticker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (leaveRunning) {
            LOG.info("leaving plugin processes running: {}", records.keySet());
            return;
        }
        for (String name : List.copyOf(records.keySet())) {
            stop(name);
        }
        publish();
    }
}
