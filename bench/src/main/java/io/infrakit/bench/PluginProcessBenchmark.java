package io.infrakit.bench;

import io.infrakit.rpc.PluginClient;
import io.infrakit.spi.InfrakitException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Plugin processes (docs/plugins-processes.md): how long from {@code infrakit plugin start NAME} until the plugin's
 * socket answers its first {@code Handshake.Hello}, asked from this JVM every 2 ms, and how long the command takes
 * (it returns once the manager's supervisor has seen the handshake). A manager runs throughout; the plugin is
 * stopped between runs. Our file plugin runs as a JVM of its own ({@code plugin run file:NAME}).
 */
final class PluginProcessBenchmark {

    private static final String PLUGIN = "instance-file";

    private PluginProcessBenchmark() {
    }

    static List<Result> run(Path launcher, int runs) {
        try (ManagerHome home = ManagerHome.start(launcher, Duration.ofSeconds(5))) {
            home.write("plugins.yml", "plugins:\n  " + PLUGIN + ":\n    kind: file\n");
            Path socket = home.root.resolve("plugins").resolve(PLUGIN);
            List<Duration> handshakes = new ArrayList<>();
            List<Duration> commands = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                CompletableFuture<Long> command = CompletableFuture.supplyAsync(() -> {
                    home.infrakit.ok("plugin", "start", PLUGIN);
                    return System.nanoTime();
                });
                long answered = firstHandshake(socket, start);
                handshakes.add(Duration.ofNanos(answered - start));
                commands.add(Duration.ofNanos(command.join() - start));
                home.infrakit.ok("plugin", "stop", PLUGIN);
            }
            return List.of(
                    Result.timed("plugin start " + PLUGIN + " (kind file, its own JVM) -> first answered handshake",
                            handshakes, 1, "-"),
                    Result.timed("infrakit plugin start " + PLUGIN + " (returns after the supervisor's handshake)",
                            commands, 1, "-"));
        }
    }

    private static long firstHandshake(Path socket, long start) {
        PluginClient client = new PluginClient(PLUGIN, socket, Duration.ofSeconds(2));
        while (System.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
            try {
                client.hello();
                return System.nanoTime();
            } catch (InfrakitException notYet) {
                LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            }
        }
        throw new IllegalStateException(PLUGIN + " did not answer within 60 s");
    }
}
