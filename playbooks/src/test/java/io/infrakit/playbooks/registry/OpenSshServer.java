package io.infrakit.playbooks.registry;

import io.infrakit.testkit.LoopbackPorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real OpenSSH {@code sshd} on 127.0.0.1 and a free port, as the current user, with its own host key and
 * {@code authorized_keys} under the directory it is started in; git over ssh runs the system's
 * {@code git-upload-pack}. Its log is {@code sshd.log} there.
 */
final class OpenSshServer implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final String USER = System.getProperty("user.name");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final Path directory;

    private OpenSshServer(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** Starts sshd and returns once it accepts connections; fails, naming the package, when sshd is missing. */
    static OpenSshServer start(Path directory) throws IOException {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(SSHD + " is missing: install the package `openssh-server`");
        }
        Files.createDirectories(directory);
        Path hostKey = generateKey(directory.resolve("ssh_host_ed25519_key"));
        Path authorizedKeys = Files.writeString(directory.resolve("authorized_keys"), "");
        int port = LoopbackPorts.free();
        Path config = Files.writeString(directory.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorizedKeys,
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "PidFile " + directory.resolve("sshd.pid"),
                ""));
        privilegeSeparationDirectory();
        Path log = directory.resolve("sshd.log");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OpenSshServer server = new OpenSshServer(process, port, directory);
        try {
            await().atMost(START_TIMEOUT).until(() -> !process.isAlive() || LoopbackPorts.accepts(port));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("sshd exited with " + process.exitValue() + ":\n" + Files.readString(log));
        }
        return server;
    }

    /** A new ed25519 key pair without passphrase at {@code file} and {@code file.pub}; returns {@code file}. */
    static Path generateKey(Path file) throws IOException {
        return generateKey(file, "");
    }

    /** As {@link #generateKey(Path)}, the private key encrypted with {@code passphrase}. */
    static Path generateKey(Path file, String passphrase) throws IOException {
        Files.createDirectories(file.getParent());
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "infrakit-test", "-f",
                file.toString()));
        return file;
    }

    /** Lets the key pair whose private half is {@code privateKey} log in. */
    void authorize(Path privateKey) throws IOException {
        Files.writeString(directory.resolve("authorized_keys"), Files.readString(publicKeyOf(privateKey)),
                StandardOpenOption.APPEND);
    }

    int port() {
        return port;
    }

    /** The {@code ssh://} URL of a repository at this absolute path. */
    String url(Path repository) {
        return "ssh://" + USER + "@127.0.0.1:" + port + repository;
    }

    /** The line {@code ssh-keyscan -p PORT 127.0.0.1} would give for this server. */
    String knownHostsLine() throws IOException {
        return "[127.0.0.1]:" + port + " " + Files.readString(publicKeyOf(directory.resolve("ssh_host_ed25519_key")))
                .strip() + "\n";
    }

    /** The base64 part of the host's public key, as {@code known_hosts} holds it. */
    String hostKeyBase64() throws IOException {
        return Files.readString(publicKeyOf(directory.resolve("ssh_host_ed25519_key"))).split(" ")[1];
    }

    static Path publicKeyOf(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** sshd started as root insists on its privilege separation directory. */
    private static void privilegeSeparationDirectory() {
        try {
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            // not root: sshd does not need it then
        }
    }

    static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
        return output;
    }
}
