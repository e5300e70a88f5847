package io.infrakit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Another local user, for tests of what one can reach: uid and gid 65534 (nobody) without supplementary groups,
 * through util-linux's {@code setpriv}, which needs root (the tests and CI run as root).
 */
public final class OtherUser {

    public static final int UID = 65534;

    private static final String SETPRIV = "/usr/bin/setpriv";

    private OtherUser() {
    }

    /** Fails, naming what is missing, when this machine cannot run a test as another user. */
    public static void requireAvailable() {
        if (!Files.isExecutable(Path.of(SETPRIV))) {
            throw new AssertionError("acting as another user needs " + SETPRIV + ": install the package util-linux");
        }
        Result id = run("id -u");
        if (id.exitCode() != 0 || !id.output().strip().equals(String.valueOf(UID))) {
            throw new AssertionError("acting as another user needs root, to switch to uid " + UID + " with setpriv: "
                    + id.output().strip());
        }
    }

    /** Runs {@code sh -c script} as the other user, to its end; the arguments are {@code $1}... */
    public static Result run(String script, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script, "other-user"));
            command.addAll(List.of(args));
            Path directory = Files.createTempDirectory("other-user");
            Process process = start(directory, command);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("'" + script + "' as uid " + UID + " did not end within 60 s");
            }
            String output = Files.readString(directory.resolve("output.txt"));
            Files.delete(directory.resolve("output.txt"));
            Files.delete(directory);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Starts a loop, as the other user, that keeps connecting to every socket (there or not yet) and sending a
     * request, as fast as it can, until closed ({@link ConnectLoopMain}). A path ending in {@code /} is a directory,
     * scanned each round for every socket the other user can find under it.
     */
    public static ConnectLoop connectLoop(List<String> sockets) {
        try {
            Path directory = Files.createTempDirectory("connect-loop");
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
            // The one class, where the other user can read it: the test's class path may be in a private directory.
            String classFile = ConnectLoopMain.class.getName().replace('.', '/') + ".class";
            Path copy = directory.resolve("classes").resolve(classFile);
            Files.createDirectories(copy.getParent());
            try (InputStream in = ConnectLoopMain.class.getClassLoader().getResourceAsStream(classFile)) {
                Files.copy(Objects.requireNonNull(in, classFile), copy);
            }
            try (Stream<Path> made = Files.walk(directory.resolve("classes"))) {
                for (Path path : made.toList()) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                            Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Xmx32m", "-cp", directory.resolve("classes").toString(),
                    ConnectLoopMain.class.getName(), directory.resolve("answers").toString(),
                    directory.resolve("stop").toString()));
            command.addAll(sockets);
            ConnectLoop loop = new ConnectLoop(directory, start(directory, command));
            loop.awaitStarted();
            return loop;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process start(Path directory, List<String> command) throws IOException {
        List<String> asOther = new ArrayList<>(List.of(SETPRIV, "--reuid=" + UID, "--regid=" + UID, "--clear-groups"));
        asOther.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(asOther).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.txt").toFile());
        builder.environment().put("HOME", directory.toString());
        return builder.start();
    }

    public record Result(int exitCode, String output) {
    }

    /** A running {@link #connectLoop}; closing it stops the loop and tells what it got. */
    public static final class ConnectLoop implements AutoCloseable {

        private final Path directory;
        private final Process process;
        private List<String> answers;
        private long attempts;
        private long connected;

        private ConnectLoop(Path directory, Process process) {
            this.directory = directory;
            this.process = process;
        }

        private void awaitStarted() throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(directory.resolve("stop.started"))) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError("the connect loop did not start: "
                            + Files.readString(directory.resolve("output.txt")));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }

        /** Stops the loop after its current round; then {@link #answers()} and {@link #attempts()} are known. */
        @Override
        public void close() {
            if (answers != null) {
                return;
            }
            try {
                Files.createFile(directory.resolve("stop"));
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the connect loop did not stop within 30 s");
                }
                if (!Files.exists(directory.resolve("stop.attempts"))) {
                    throw new AssertionError("the connect loop failed: " + Files.readString(
                            directory.resolve("output.txt")));
                }
                Path answersFile = directory.resolve("answers");
                answers = Files.exists(answersFile) ? Files.readAllLines(answersFile) : List.of();
                String[] counts = Files.readString(directory.resolve("stop.attempts")).strip().split(" ");
                attempts = Long.parseLong(counts[0]);
                connected = Long.parseLong(counts[1]);
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** Each answer the other user got, as {@code socket: first line}: there must be none. */
        public List<String> answers() {
            close();
            return answers;
        }

        /** How many connections the loop tried. */
        public long attempts() {
            close();
            return attempts;
        }

        /** How many of them connected: the kernel let the other user in, so only the server could refuse it. */
        public long connected() {
            close();
            return connected;
        }
    }
}
