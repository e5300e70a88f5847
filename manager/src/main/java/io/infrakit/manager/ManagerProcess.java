package io.infrakit.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.PrivateHome;
import io.infrakit.engine.manager.ManagerLock;
import io.infrakit.common.OwnerOnly;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Starts the manager as a background process, finds it, and stops it. */
public final class ManagerProcess {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private ManagerProcess() {
    }

    /** The pid of the manager of this home, when one is up and has all its sockets open. */
    public static OptionalLong running(InfrakitHome home) {
        if (!ManagerLock.isHeld(home) || !Files.exists(home.managerReadyFile())) {
            return OptionalLong.empty();
        }
        return ManagerLock.runningPid(home);
    }

    /**
     * Starts a manager in the background and returns its pid once it serves.
     *
     * @param environment the environment it runs in
     * @param notices     where to say what the user should know (a home that had to be made private)
     * @param daemon      the main class and arguments that run the daemon in the foreground; {@code --home} is added
     */
    public static long start(InfrakitHome home, Map<String, String> environment, Consumer<String> notices,
                             List<String> daemon) {
        try {
            Optional<String> tightened = PrivateHome.prepare(home);
            Path log = ownerOnlyLog(home.managerLogFile());
            if (tightened.isPresent()) {
                notices.accept(tightened.get());
                Files.writeString(log, tightened.get() + "\n", StandardOpenOption.APPEND);
            }
            ProcessBuilder builder = new ProcessBuilder(command(home, daemon))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            awaitReady(process, home);
            return process.pid();
        } catch (IOException e) {
            throw new ManagerUnreachableException("cannot start the manager: " + e.getMessage());
        }
    }

    /**
     * The manager's log, which names groups and instances: made 0600. One an older build left open to others is
     * tightened, and anything but a plain file there (a link planted while the home was open) is replaced.
     */
    private static Path ownerOnlyLog(Path log) throws IOException {
        if (Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(log);
            } else if (!Files.getPosixFilePermissions(log, LinkOption.NOFOLLOW_LINKS).equals(OWNER_READ_WRITE)) {
                Files.setPosixFilePermissions(log, OWNER_READ_WRITE);
            }
        }
        if (!Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(log, OwnerOnly.file());
        }
        return log;
    }

    /** Asks the manager to stop (SIGTERM) and waits until it is gone; true if one was running. */
    public static boolean stop(InfrakitHome home) {
        if (!ManagerLock.isHeld(home)) {
            return false;
        }
        long pid = ManagerLock.runningPid(home).orElseThrow(() ->
                new ManagerUnreachableException("a manager holds " + home.managerLockFile() + " but wrote no pid file"));
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return false;
        }
        handle.get().destroy();
        try {
            handle.get().onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ManagerUnreachableException("the manager (pid " + pid + ") did not stop within "
                    + STOP_TIMEOUT.toSeconds() + "s; see " + home.managerLogFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagerUnreachableException("interrupted while stopping the manager (pid " + pid + ")");
        } catch (ExecutionException e) {
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
        return true;
    }

    private static List<String> command(InfrakitHome home, List<String> daemon) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            // Its own session: a Ctrl-C in the terminal that started it must not stop the manager.
            command.add("/usr/bin/setsid");
        }
        command.addAll(javaCommand(daemon));
        command.add("--home");
        command.add(home.root().toString());
        return command;
    }

    /**
     * A JVM like this one, tuned for a long-running daemon, running {@code mainAndArguments} on this classpath: the
     * manager, and each built-in plugin it runs as a process of its own ({@code plugin run}).
     */
    public static List<String> javaCommand(List<String> mainAndArguments) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-XX:SharedArchiveFile=") || argument.startsWith("-Xlog:"))
                .forEach(command::add);
        command.add("-XX:+UseSerialGC");
        // The JVM sizes its first heap from the machine's memory (a 24 GiB machine gives 384 MiB, most of it eden),
        // and a daemon that allocates steadily touches all of eden: start small, grow when the groups need it.
        command.add("-Xms24m");
        command.add("-Xmx1g");
        command.add("-XX:MinHeapFreeRatio=10");
        command.add("-XX:MaxHeapFreeRatio=30");
        // The JIT's compilations leave freed memory in the C heap, which glibc keeps resident unless asked to give it
        // back (20-30 MiB after a rollout of 1,000). A JVM older than 17.0.9 does not know the option and ignores it.
        command.add("-XX:+IgnoreUnrecognizedVMOptions");
        command.add("-XX:TrimNativeHeapInterval=5000");
        command.add("-Dpicocli.disable.closures=true");
        // manager.log: every line of the manager's logging with its time, to the millisecond (ISO-8601).
        command.add("-D" + LogSetup.TIMESTAMPS + "=true");
        command.add("-cp");
        // Absolute: a plugin process runs in a directory of its own choosing.
        command.add(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator)));
        command.addAll(mainAndArguments);
        return command;
    }

    private static void awaitReady(Process process, InfrakitHome home) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new ManagerUnreachableException("the manager exited with code " + process.exitValue()
                        + " while starting: " + lastLine(home.managerLogFile()) + " (log: " + home.managerLogFile() + ")");
            }
            OptionalLong ready = readyPid(home);
            if (ready.isPresent() && (ready.getAsLong() == process.pid() || ready.getAsLong() == childPid(process))) {
                return;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        process.destroy();
        throw new ManagerUnreachableException("the manager did not start within " + START_TIMEOUT.toSeconds()
                + "s; see " + home.managerLogFile());
    }

    /** With setsid in front, the JVM may be setsid's child rather than the process we started. */
    private static long childPid(Process process) {
        return process.children().findFirst().map(ProcessHandle::pid).orElse(-1L);
    }

    private static OptionalLong readyPid(InfrakitHome home) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(home.managerReadyFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.stream().filter(line -> !line.isBlank()).reduce((a, b) -> b).orElse("(empty log)");
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
