package io.infrakit.cli.plugin;

import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ManagerConnection;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.manager.ManagerConfig;
import io.infrakit.engine.manager.PluginSelection;
import io.infrakit.manager.ManagerProcess;
import io.infrakit.manager.process.PluginNameTakenException;
import io.infrakit.manager.process.PluginProcessException;
import io.infrakit.manager.process.PluginSupervisor;
import io.infrakit.manager.process.PluginsConfig;
import io.infrakit.manager.process.ProcessPhase;
import io.infrakit.manager.process.ProcessRecord;
import io.infrakit.manager.process.ProcessStates;
import io.infrakit.manager.process.ProcessStopper;
import io.infrakit.rpc.PluginClient;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.PluginNotFoundException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * What {@code plugin start NAME} and {@code plugin stop} do with plugin processes: they change the processes the
 * manager's config names ({@code manager.yml}) and wait until the manager's supervisor has acted
 * ({@link ProcessStates}). A start that fails puts the config back, so nothing is left changed.
 */
final class PluginProcessControl {

    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration STOP_WAIT = ProcessStopper.GRACE.multipliedBy(2).plusSeconds(10);

    private final CliEnvironment cli;
    private final InfrakitHome home;
    /** The supervisor's handshake timeout and then some: it says why a start failed before this runs out. */
    private final Duration startWait;

    PluginProcessControl(CliEnvironment cli, InfrakitHome home) {
        this.cli = cli;
        this.home = home;
        this.startWait = PluginSupervisor.lifecycle(cli.environment()).handshakeTimeout().plusSeconds(20);
    }

    void start(List<String> names) {
        Set<String> running = new LinkedHashSet<>(ManagerConfig.read(home).processes());
        boolean managerRuns = ManagerProcess.running(home).isPresent();
        List<String> toStart = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            Optional<ProcessRecord> record = managerRuns ? record(name) : Optional.empty();
            if (running.contains(name) && record.isPresent() && record.get().phase() == ProcessPhase.RUNNING) {
                cli.out().println(name + " already running (pid " + record.get().pid() + ")");
                continue;
            }
            refuseTakenName(name);
            toStart.add(name);
        }
        if (toStart.isEmpty()) {
            return;
        }
        List<String> stuck = toStart.stream().filter(running::contains).toList();
        if (!stuck.isEmpty() && managerRuns) {
            // Named already but failed or gave up: dropped first, so the supervisor starts them afresh.
            ManagerConfig.writeProcesses(home, running.stream().filter(name -> !stuck.contains(name)).toList());
            awaitGone(stuck);
        }
        Optional<byte[]> before = ManagerConfig.current(home);
        Instant asked = Instant.now();
        List<String> wanted = new ArrayList<>(running);
        toStart.stream().filter(name -> !wanted.contains(name)).forEach(wanted::add);
        ManagerConfig.writeProcesses(home, wanted);
        try {
            ManagerConnection.open(cli, home);
            for (String name : toStart) {
                ProcessRecord started = awaitStarted(name, asked);
                cli.out().println("started " + name + " (pid " + started.pid() + ", log " + started.log() + ")");
            }
        } catch (RuntimeException e) {
            ManagerConfig.restore(home, before);
            if (ManagerProcess.running(home).isPresent()) {
                awaitGone(toStart.stream().filter(name -> !running.contains(name)).toList());
            }
            throw e;
        }
    }

    /** Stops these processes (all of them when {@code names} is empty); returns the names stopped. */
    List<String> stop(List<String> names) {
        List<String> running = ManagerConfig.read(home).processes();
        List<ProcessRecord> records = ProcessStates.read(home);
        List<String> known = new ArrayList<>(running);
        records.stream().map(ProcessRecord::name).filter(name -> !known.contains(name)).forEach(known::add);
        List<String> targets = names.isEmpty() ? known : names;
        for (String name : targets) {
            if (!known.contains(name)) {
                throw new PluginNotFoundException("no plugin process '" + name + "'; plugin processes: "
                        + (known.isEmpty() ? "(none)" : String.join(", ", known)), name, known);
            }
        }
        ManagerConfig.writeProcesses(home, running.stream().filter(name -> !targets.contains(name)).toList());
        if (ManagerProcess.running(home).isPresent()) {
            awaitGone(targets);
        } else {
            // Left running by a manager that has stopped since (leaveProcessesRunning): stopped here.
            for (ProcessRecord record : records) {
                if (targets.contains(record.name())) {
                    ProcessStopper.stop(record.pid(), home.pluginsDir().resolve(record.name()), ProcessStopper.GRACE);
                }
            }
            ProcessStates.forget(home, targets);
        }
        return targets;
    }

    /** Another plugin answering on the socket (the manager's own, or one started apart) keeps its name. */
    private void refuseTakenName(String name) {
        Path socket = home.pluginsDir().resolve(name);
        boolean servedByManager = ManagerProcess.running(home).isPresent()
                && Manager.served(home).stream().map(PluginSelection::name).anyMatch(name::equals);
        boolean answers = false;
        if (!servedByManager && Files.exists(socket)) {
            try {
                new PluginClient(name, socket, Duration.ofSeconds(2)).hello();
                answers = true;
            } catch (InfrakitException e) {
                answers = false;
            }
        }
        if (servedByManager || answers) {
            String pid = readPid(socket).map(p -> " (pid " + p + ")").orElse("");
            throw new PluginNameTakenException("plugin '" + name + "' is already running" + pid + " on " + socket
                    + "; give the process another name in " + PluginsConfig.fileOrDefault(home));
        }
    }

    private ProcessRecord awaitStarted(String name, Instant asked) {
        Instant deadline = Instant.now().plus(startWait);
        while (Instant.now().isBefore(deadline)) {
            Optional<ProcessRecord> record = record(name)
                    .filter(found -> found.startedAt() != null && !found.startedAt().isBefore(asked));
            if (record.isPresent()) {
                switch (record.get().phase()) {
                    case RUNNING -> {
                        return record.get();
                    }
                    case FAILED, GAVE_UP -> throw new PluginProcessException("plugin '" + name + "' "
                            + record.get().message() + "; see " + record.get().log());
                    default -> {
                    }
                }
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        throw new PluginProcessException("plugin '" + name + "' did not start within " + startWait.toSeconds()
                + "s; see " + ProcessStates.logFile(home, name));
    }

    private void awaitGone(List<String> names) {
        Instant deadline = Instant.now().plus(STOP_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (ProcessStates.read(home).stream().noneMatch(record -> names.contains(record.name()))) {
                return;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        throw new PluginProcessException("plugin processes " + String.join(", ", names) + " did not stop within "
                + STOP_WAIT.toSeconds() + "s; see " + home.managerLogFile());
    }

    private Optional<ProcessRecord> record(String name) {
        return ProcessStates.read(home).stream().filter(record -> record.name().equals(name)).findFirst();
    }

    private static Optional<Long> readPid(Path socket) {
        try {
            return Optional.of(Long.parseLong(Files.readString(socket.resolveSibling(socket.getFileName() + ".pid"))
                    .trim()));
        } catch (java.io.IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
