package io.infrakit.testkit.docker;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real dockerd of a test class's own: its data, exec state, pid file and API socket in a short directory under
 * the temp directory (a unix socket path has at most 107 bytes), no bridge and no iptables rules, so that several
 * can run beside the host's daemon. It serves two local images made from busybox, {@link #V1} and {@link #V2},
 * without a registry. {@link #close()} stops it (SIGTERM, then SIGKILL) and removes all it left, mounts included;
 * {@link #start()} first cleans up daemons and directories of test JVMs that are gone.
 *
 * <p>Needs root, {@code dockerd}, the {@code docker} CLI and {@code /bin/busybox} (test.sh installs docker.io and
 * busybox-static).
 */
public final class TestDockerd implements AutoCloseable {

    public static final String V1 = "ikbox:v1";
    public static final String V2 = "ikbox:v2";
    private static final String DIRECTORY_PREFIX = "ikd";
    private static final String OWNER_FILE = "owner.pid";
    private static final Duration READY = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(15);

    private final Path directory;
    private Process daemon;

    private TestDockerd(Path directory, Process daemon) {
        this.directory = directory;
        this.daemon = daemon;
    }

    /** A dockerd answering {@code /_ping}, with {@link #V1} and {@link #V2} imported; or an AssertionError. */
    public static TestDockerd start() {
        require("dockerd", "docker.io");
        require("docker", "docker.io");
        if (!Files.isExecutable(Path.of("/bin/busybox"))) {
            throw new AssertionError("busybox is not installed: apt-get install busybox-static (test.sh does)");
        }
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        cleanStale(temp);
        try {
            Path directory = Files.createTempDirectory(temp, DIRECTORY_PREFIX);
            Files.writeString(directory.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
            Process daemon = launch(directory);
            TestDockerd dockerd = new TestDockerd(directory, daemon);
            try {
                dockerd.awaitPing();
                dockerd.importImage(V1);
                dockerd.importImage(V2);
                return dockerd;
            } catch (RuntimeException | Error e) {
                dockerd.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process launch(Path directory) throws IOException {
        return new ProcessBuilder("dockerd",
                "--data-root", directory.resolve("data").toString(),
                "--exec-root", directory.resolve("x").toString(),
                "--pidfile", directory.resolve("dockerd.pid").toString(),
                "-H", "unix://" + directory.resolve("docker.sock"),
                "--bridge=none", "--iptables=false", "--ip-masq=false")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("dockerd.log").toFile()))
                .start();
    }

    /** Stops the daemon (its containers stop with it) and starts it again on the same data and socket. */
    public void restart() {
        stopDaemon();
        try {
            daemon = launch(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPing();
    }

    /** The endpoint, as DOCKER_HOST spells it. */
    public String host() {
        return "unix://" + socket();
    }

    public Path socket() {
        return directory.resolve("docker.sock");
    }

    /** Runs the docker CLI against this daemon; its output, or an AssertionError with it when it fails. */
    public String docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host()));
        command.addAll(List.of(arguments));
        return run(command, null);
    }

    /** The IDs of every container of this daemon, in every state. */
    public List<String> allContainerIds() {
        return docker("ps", "-aq", "--no-trunc").lines().filter(line -> !line.isBlank()).toList();
    }

    public boolean answersPing() {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket()));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer answer = ByteBuffer.allocate(1024);
            while (channel.read(answer) >= 0 && answer.hasRemaining()) {
                // read until the daemon closes
            }
            String text = new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
            return text.startsWith("HTTP/1.") && text.contains(" 200 ") && text.endsWith("OK");
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitPing() {
        try {
            await().atMost(READY).pollInterval(Duration.ofMillis(20)).until(() -> {
                if (!daemon.isAlive()) {
                    throw new AssertionError("dockerd exited with " + daemon.exitValue() + ": " + log());
                }
                return answersPing();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("dockerd did not answer /_ping within " + READY + ": " + log());
        }
    }

    /** Imports a busybox root file system as the image; each tag gets its own /etc/ikbox-version, so its own ID. */
    private void importImage(String tag) throws IOException {
        Path rootfs = directory.resolve("rootfs-" + tag.replace(':', '-'));
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
        for (String applet : run(List.of("/bin/busybox", "--list"), null).split("\\s+")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(rootfs.resolve("etc/ikbox-version"), tag + "\n");
        Files.createDirectories(rootfs.resolve("tmp"));
        Path tar = directory.resolve(rootfs.getFileName() + ".tar");
        run(List.of("tar", "-C", rootfs.toString(), "-cf", tar.toString(), "."), null);
        run(List.of("docker", "-H", host(), "import", "-", tag), tar);
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("dockerd.log"));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the daemon and removes everything it left. */
    @Override
    public void close() {
        stopDaemon();
        removeLeftovers(directory);
    }

    private void stopDaemon() {
        daemon.destroy();
        try {
            if (!daemon.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                daemon.destroyForcibly().waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Directories of test JVMs that are gone: their daemon, if it still runs, is killed, and all is removed. */
    private static void cleanStale(Path temp) {
        try (Stream<Path> entries = Files.list(temp)) {
            for (Path candidate : entries.filter(path -> path.getFileName().toString().startsWith(DIRECTORY_PREFIX))
                    .filter(path -> Files.exists(path.resolve(OWNER_FILE))).toList()) {
                if (pidIn(candidate.resolve(OWNER_FILE)).flatMap(ProcessHandle::of).isEmpty()) {
                    pidIn(candidate.resolve("dockerd.pid")).flatMap(ProcessHandle::of).ifPresent(stale -> {
                        stale.destroyForcibly();
                        stale.onExit().orTimeout(STOP.toSeconds(), TimeUnit.SECONDS).exceptionally(e -> null).join();
                    });
                    removeLeftovers(candidate);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the container shims of this directory's daemon, unmounts what is mounted below it, and deletes it. */
    private static void removeLeftovers(Path directory) {
        String prefix = directory.toAbsolutePath().toString();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(arguments -> Stream.of(arguments)
                        .anyMatch(argument -> argument.startsWith(prefix + "/"))).orElse(false))
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .forEach(ProcessHandle::destroyForcibly);
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                    .map(line -> line.split(" ")[1].replace("\\040", " "))
                    .filter(mount -> mount.startsWith(prefix + "/"))
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
            for (String mount : mounts) {
                run(List.of("umount", "-l", mount), null);
            }
            run(List.of("rm", "-rf", "--one-file-system", prefix), null);
        } catch (IOException | AssertionError e) {
            System.err.println("TestDockerd: could not remove all of " + prefix + ": " + e.getMessage());
        }
    }

    private static Optional<Long> pidIn(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String run(List<String> command, Path input) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (input != null) {
                builder.redirectInput(input.toFile());
            }
            Process process = builder.start();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed: " + output.strip());
            }
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        }
    }

    private static void require(String program, String debianPackage) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, program)));
        if (!found) {
            throw new AssertionError(program + " is not installed: apt-get install " + debianPackage
                    + " (test.sh does)");
        }
    }

}
