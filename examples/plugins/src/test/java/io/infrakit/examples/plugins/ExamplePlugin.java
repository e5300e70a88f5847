package io.infrakit.examples.plugins;

import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.RemoteInstancePlugin;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.instance.InstancePlugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One of the example plugins of this directory, started as a user starts it ({@code python3
 * python-instance/plugin.py --name NAME --dir DIR}) with {@code INFRAKIT_PLUGINS_DIR} pointing at a directory of
 * the test, and ready once its socket answers {@code Handshake.Hello}. Closing it sends SIGTERM and waits for it
 * to exit.
 */
final class ExamplePlugin implements AutoCloseable {

    static final Duration START_WITHIN = Duration.ofSeconds(20);
    static final Duration STOP_WITHIN = Duration.ofSeconds(10);

    /** The example plugins, each with the command that runs it. */
    enum Language {
        PYTHON("python3", "python-instance/plugin.py"),
        PERL("perl", "perl-instance/plugin.pl");

        private final String interpreter;
        private final String script;

        Language(String interpreter, String script) {
            this.interpreter = interpreter;
            this.script = script;
        }

        /** The command line of the README, with the script found from this module's directory. */
        List<String> command(String name, Path instances) {
            return List.of(interpreter, EXAMPLES.resolve(script).toString(), "--name", name,
                    "--dir", instances.toString());
        }
    }

    /** The directory beside this module's pom, where the example plugins are: Maven runs tests there. */
    private static final Path EXAMPLES = Path.of("").toAbsolutePath();

    private final Language language;
    private final String name;
    private final Path pluginsDir;
    private final Path instances;
    private final Path log;
    private final Process process;

    private ExamplePlugin(Language language, String name, Path pluginsDir, Path instances, Path log,
                          Process process) {
        this.language = language;
        this.name = name;
        this.pluginsDir = pluginsDir;
        this.instances = instances;
        this.log = log;
        this.process = process;
    }

    /** Starts the plugin and waits until it answers the handshake. */
    static ExamplePlugin start(Language language, String name, Path pluginsDir, Path instances) {
        ExamplePlugin plugin = launch(language, name, pluginsDir, instances);
        try {
            plugin.awaitHandshake();
        } catch (RuntimeException | AssertionError e) {
            plugin.process.destroyForcibly();
            throw new AssertionError(language + " plugin did not answer its handshake; its log:\n" + plugin.log(), e);
        }
        return plugin;
    }

    /** Starts the plugin's process and returns at once, answering or not. */
    static ExamplePlugin launch(Language language, String name, Path pluginsDir, Path instances) {
        try {
            Path log = Files.createTempFile(pluginsDir.getParent(), name, ".log");
            ProcessBuilder builder = new ProcessBuilder(language.command(name, instances))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("INFRAKIT_PLUGINS_DIR", pluginsDir.toString());
            return new ExamplePlugin(language, name, pluginsDir, instances, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitHandshake() {
        PluginClient client = client();
        await().atMost(START_WITHIN).pollInterval(Duration.ofMillis(5)).ignoreExceptions()
                .failFast("the plugin exited", () -> !process.isAlive())
                .until(() -> client.hello().keySet().stream()
                        .anyMatch(spec -> spec.encoded().equals(InstancePlugin.INTERFACE.encoded())));
    }

    Language language() {
        return language;
    }

    Path socket() {
        return pluginsDir.resolve(name);
    }

    Path instances() {
        return instances;
    }

    Process process() {
        return process;
    }

    PluginClient client() {
        return new PluginClient(name, socket());
    }

    /** The plugin as the group controller sees it: through our RPC client, handshake first. */
    InstancePlugin remote() {
        return new RemoteInstancePlugin(client(), PluginName.of(name));
    }

    /** The names of the instance files in its directory. */
    List<String> instanceFiles() {
        try (Stream<Path> files = Files.list(instances)) {
            return files.map(file -> file.getFileName().toString()).filter(file -> file.startsWith("instance-"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** SIGTERM, then waits for the exit; the exit code. */
    int stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(language + " plugin did not stop on SIGTERM within " + STOP_WITHIN
                        + "; its log:\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while stopping the plugin", e);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    /** A fresh directory under /tmp, short enough for a unix socket's path. */
    static Path shortTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory tree the test made. */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
