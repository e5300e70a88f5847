package io.infrakit.plugins.flavor.swarm;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A Docker engine in its own network namespace, for tests that need a real swarm on one machine (needs root, dockerd,
 * nsenter and iproute2): every engine has its own data root, exec root, socket and pid file under one lab directory,
 * and its namespace hangs on one bridge, so engines reach each other by IP as separate hosts would. Everything is named
 * with the prefix {@code iksw}; {@link #cleanLab()} removes what an earlier run left behind, engines by the PID in
 * their pid file first.
 */
final class NetnsDockerd implements AutoCloseable {

    static final String PREFIX = "iksw";
    static final String BRIDGE = PREFIX + "-br";
    static final String SUBNET = "10.79.0";
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    final String name;
    final String ip;
    final Path dir;

    private NetnsDockerd(String name, String ip, Path dir) {
        this.name = name;
        this.ip = ip;
        this.dir = dir;
    }

    static Path labDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), PREFIX);
    }

    /** What this machine lacks to run the lab (root, dockerd, docker, nsenter, ip); empty when nothing. */
    static Optional<String> whyNot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("not root");
        }
        for (String tool : List.of("dockerd", "docker", "nsenter", "ip")) {
            if (run(List.of("sh", "-c", "command -v " + tool), Map.of(), false).exit != 0) {
                return Optional.of(tool + " is not installed");
            }
        }
        return Optional.empty();
    }

    /** Removes what an earlier run left: engines (by PID), mounts, namespaces, the bridge and the lab directory. */
    static void cleanLab() {
        Path lab = labDir();
        if (Files.isDirectory(lab)) {
            try (Stream<Path> hosts = Files.list(lab)) {
                hosts.forEach(NetnsDockerd::stopEngine);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        removeLab();
        run(List.of("ip", "link", "add", BRIDGE, "type", "bridge"), Map.of(), true);
        run(List.of("ip", "addr", "add", SUBNET + ".1/24", "dev", BRIDGE), Map.of(), true);
        run(List.of("ip", "link", "set", BRIDGE, "up"), Map.of(), true);
    }

    /** Removes the namespaces, the bridge and the lab directory (after every engine was stopped). */
    static void removeLab() {
        for (String line : run(List.of("ip", "netns", "list"), Map.of(), true).out.split("\n")) {
            String namespace = line.split(" ")[0];
            if (namespace.startsWith(PREFIX + "-")) {
                deleteNamespace(namespace);
            }
        }
        run(List.of("ip", "link", "del", BRIDGE), Map.of(), false);
        unmountUnder(labDir());
        deleteTree(labDir());
    }

    /** A new namespace {@code iksw-<name>} at {@code ip} with a running engine in it. */
    static NetnsDockerd start(String name, String ip) {
        Path dir = labDir().resolve(name);
        String namespace = PREFIX + "-" + name;
        String veth = PREFIX + "v" + name;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("daemon.json"), "{}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("ip", "netns", "add", namespace), Map.of(), true);
        run(List.of("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", namespace), Map.of(), true);
        run(List.of("ip", "link", "set", veth, "master", BRIDGE, "up"), Map.of(), true);
        run(List.of("ip", "-n", namespace, "addr", "add", ip + "/24", "dev", "eth0"), Map.of(), true);
        run(List.of("ip", "-n", namespace, "link", "set", "eth0", "up"), Map.of(), true);
        run(List.of("ip", "-n", namespace, "link", "set", "lo", "up"), Map.of(), true);
        NetnsDockerd engine = new NetnsDockerd(name, ip, dir);
        try {
            // nsenter, not "ip netns exec": that one remounts /sys, and dockerd then finds no cgroups.
            new ProcessBuilder("nsenter", "--net=/run/netns/" + namespace, "dockerd",
                    "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("x").toString(),
                    "-H", engine.host(), "--pidfile", dir.resolve("d.pid").toString(),
                    "--config-file", dir.resolve("daemon.json").toString(), "--storage-driver", "vfs",
                    "--iptables=false", "--ip-masq=false", "--bridge", "none")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(100))
                    .until(() -> engine.tryDocker("info", "--format", "{{.ID}}").exit == 0);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("dockerd " + name + " not ready; see " + dir.resolve("dockerd.log"));
        }
        return engine;
    }

    String host() {
        return "unix://" + dir.resolve("d.sock");
    }

    /** The docker CLI against this engine; its output, or an exception with it when it fails. */
    String docker(String... args) {
        Result result = tryDocker(args);
        if (result.exit != 0) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " on " + name + ": " + result.out);
        }
        return result.out.strip();
    }

    private Result tryDocker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host()));
        command.addAll(List.of(args));
        return run(command, Map.of(), false);
    }

    /** Runs an instance's init script on this "host": the docker CLI and the daemon.json are this engine's. */
    String runInit(String script) {
        Result result = run(List.of("sh", "-c", script), Map.of("DOCKER_HOST", host(),
                "DOCKER_DAEMON_JSON", dir.resolve("daemon.json").toString(),
                "DOCKER_PID_FILE", dir.resolve("d.pid").toString()), false);
        if (result.exit != 0) {
            throw new IllegalStateException("init on " + name + " failed (" + result.exit + "): " + result.out);
        }
        return result.out;
    }

    /** Stops the engine and leaves its namespace: the machine stays, its Docker is gone. */
    void stopEngine() {
        stopEngine(dir);
    }

    @Override
    public void close() {
        stopEngine(dir);
        deleteNamespace(PREFIX + "-" + name);
        unmountUnder(dir);
        deleteTree(dir);
    }

    /** Stops the engine whose pid file is in {@code dir}, if that PID is still a dockerd. */
    private static void stopEngine(Path dir) {
        Path pidFile = dir.resolve("d.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Optional<ProcessHandle> engine = ProcessHandle.of(pid)
                    .filter(handle -> handle.info().command().map(command -> command.endsWith("dockerd")).orElse(false));
            if (engine.isEmpty()) {
                return;
            }
            engine.get().destroy();
            try {
                engine.get().onExit().get(20, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                engine.get().destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                engine.get().destroyForcibly();
            }
        } catch (IOException | NumberFormatException e) {
            // No readable PID: nothing of ours to stop.
        }
    }

    /**
     * {@code ip netns del}; when the namespace's mount is still busy (an engine's helper process kept a copy of it),
     * detached lazily and its file removed, so the name is free again.
     */
    private static void deleteNamespace(String namespace) {
        if (run(List.of("ip", "netns", "del", namespace), Map.of(), false).exit != 0) {
            run(List.of("umount", "-l", "/run/netns/" + namespace), Map.of(), false);
            run(List.of("rm", "-f", "/run/netns/" + namespace), Map.of(), true);
        }
    }

    private static void unmountUnder(Path dir) {
        try {
            List<String> mounts = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
                String mountPoint = line.split(" ")[4];
                if (mountPoint.startsWith(dir.toString())) {
                    mounts.add(mountPoint);
                }
            }
            mounts.sort(Comparator.reverseOrder());
            for (String mount : mounts) {
                run(List.of("umount", "-l", mount), Map.of(), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        run(List.of("rm", "-rf", dir.toString()), Map.of(), true);
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> command, Map<String, String> environment, boolean mustSucceed) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (mustSucceed && exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + exit + "): " + out.strip());
            }
            return new Result(exit, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
