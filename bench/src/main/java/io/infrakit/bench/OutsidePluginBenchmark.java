package io.infrakit.bench;

import io.infrakit.plugins.instance.file.FileInstancePlugin;
import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.PluginServer;
import io.infrakit.rpc.RemoteInstancePlugin;
import io.infrakit.spi.Any;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.plugin.PluginObjects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Plugins in other processes and languages (examples/plugins) against our file plugin in this JVM: the time from
 * starting a plugin's process to its first answered {@code Handshake.Hello}, one small call ({@code Instance.Validate}),
 * and a describe of 1,000 instance files, each plugin keeping its instances the same way.
 */
final class OutsidePluginBenchmark {

    private static final int CALLS = 200;
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Any PROPERTIES = Any.parse("{\"Size\":\"small\"}");

    /** An example plugin: its interpreter and its script, under the repository's root. */
    private record Example(String label, String interpreter, String script) {

        List<String> command() {
            return List.of(interpreter, repositoryRoot().resolve(script).toString());
        }
    }

    private static final List<Example> EXAMPLES = List.of(
            new Example("python", "python3", "examples/plugins/python-instance/plugin.py"),
            new Example("perl", "perl", "examples/plugins/perl-instance/plugin.pl"));

    private OutsidePluginBenchmark() {
    }

    static List<Result> run(int instances, int runs) {
        List<Result> results = new ArrayList<>();
        for (Example example : EXAMPLES) {
            List<Duration> starts = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                withPlugin(example, (plugin, started) -> starts.add(started));
            }
            results.add(Result.timed(example.label() + " plugin: process start to first Handshake.Hello", starts, 1,
                    "report"));
        }
        results.addAll(inProcess(instances, runs));
        results.addAll(javaOverSocket(instances, runs));
        for (Example example : EXAMPLES) {
            List<Result> measured = new ArrayList<>();
            withPlugin(example, (plugin, started) -> measured.addAll(calls(example.label() + " plugin, unix socket",
                    plugin, instances, runs)));
            results.addAll(measured);
        }
        return results;
    }

    private static List<Result> inProcess(int instances, int runs) {
        Path dir = temporaryDirectory();
        try {
            return calls("file plugin, in-process", new FileInstancePlugin(dir), instances, runs);
        } finally {
            deleteTree(dir);
        }
    }

    /** Our file plugin served on a socket by this JVM: the cost of the wire alone, without another language. */
    private static List<Result> javaOverSocket(int instances, int runs) {
        Path dir = temporaryDirectory();
        try {
            FileInstancePlugin file = new FileInstancePlugin(dir.resolve("instances"));
            try (PluginServer server = PluginServer.start(dir.resolve("plugins").resolve("file"),
                    PluginObjects.instance(file))) {
                InstancePlugin remote = new RemoteInstancePlugin(new PluginClient("file", server.socket()),
                        PluginName.of("file"));
                return calls("file plugin, unix socket", remote, instances, runs);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * One Validate, many times (after as many unmeasured ones, so our client's code is compiled for every plugin alike);
     * then a describe of {@code instances} instances, provisioned through the plugin.
     */
    private static List<Result> calls(String label, InstancePlugin plugin, int instances, int runs) {
        for (int call = 0; call < CALLS; call++) {
            plugin.validate(PROPERTIES);
        }
        List<Duration> validates = new ArrayList<>();
        for (int call = 0; call < CALLS; call++) {
            long start = System.nanoTime();
            plugin.validate(PROPERTIES);
            validates.add(Duration.ofNanos(System.nanoTime() - start));
        }
        Map<String, String> group = Map.of(Tags.GROUP, "bench");
        InstanceSpec spec = InstanceSpec.of(PROPERTIES, Map.of(Tags.GROUP, "bench", "tier", "bench"));
        for (int i = 0; i < instances; i++) {
            plugin.provision(spec);
        }
        List<Duration> describes = new ArrayList<>();
        plugin.describeInstances(group, false);
        for (int run = 0; run < Math.max(3, runs); run++) {
            long start = System.nanoTime();
            int described = plugin.describeInstances(group, false).size();
            describes.add(Duration.ofNanos(System.nanoTime() - start));
            if (described != instances) {
                throw new IllegalStateException(label + " described " + described + " of " + instances);
            }
        }
        return List.of(Result.timed(label + ": one Instance.Validate", validates, 1, "report"),
                Result.timed(label + ": describe " + instances + " instances", describes, instances, "report"));
    }

    private interface WithPlugin {
        void accept(InstancePlugin remote, Duration startToHello);
    }

    /** Starts the example plugin, waits for its first answered handshake, runs {@code body}, and stops it. */
    private static void withPlugin(Example example, WithPlugin body) {
        Path dir = temporaryDirectory();
        Path plugins = dir.resolve("plugins");
        Process process = null;
        try {
            List<String> command = new ArrayList<>(example.command());
            command.addAll(List.of("--name", "bench", "--dir", dir.resolve("instances").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("INFRAKIT_PLUGINS_DIR", plugins.toString());
            PluginClient client = new PluginClient("bench", plugins.resolve("bench"));
            long start = System.nanoTime();
            process = builder.start();
            Process started = process;
            Duration toHello = Waits.until(() -> answers(client, started), start, START_LIMIT, Duration.ofMillis(1),
                    example.label() + " plugin's handshake");
            body.accept(new RemoteInstancePlugin(client, PluginName.of("bench")), toHello);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + example.label() + " plugin: " + e.getMessage(), e);
        } finally {
            if (process != null) {
                stop(process);
            }
            deleteTree(dir);
        }
    }

    private static boolean answers(PluginClient client, Process process) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the plugin exited with " + process.exitValue());
        }
        try {
            return !client.hello().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** bench/run.sh runs from the repository's root, Maven's tests from bench/. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("examples")) ? here : here.getParent();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), "ik-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
