package io.infrakit.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.infrakit.engine.group.ControllerSettings;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the benchmarks and prints a table. Not a test: these machines are noisy, so the numbers are read by
 * people and compared with the targets, never asserted.
 *
 * <p>Arguments: {@code --quick} (fewer runs, smaller sizes: a minute or two), {@code --runs N} (default 5),
 * {@code --e2e-runs N} (runs of each file-plugin flow, default 3), {@code --instances N} and
 * {@code --socket-instances N} (simulator throughput, default 10000), {@code --launcher PATH} (default
 * ./infrakit), {@code --skip-cli} (nothing that needs the launcher and a manager), {@code --only SECTION} (the
 * sections whose name contains SECTION, e.g. {@code playbooks} or {@code CLI}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        // The controller logs every provision at INFO; in process, that would be what is measured.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        Options options = Options.parse(args);
        List<Result> results = new ArrayList<>();
        long start = System.nanoTime();
        if (!options.skipCli()) {
            section(options, "CLI start-up", () -> CliBenchmark.run(options.launcher(), options.runs()), results);
        }
        section(options, "playbooks", () -> PlaybookBenchmark.warm(options.launcher().toAbsolutePath().getParent(),
                options.runs()), results);
        section(options, "simulator throughput", () -> {
            List<Result> simulator = new ArrayList<>(SimulatorBenchmark.inProcess(options.instances(), options.runs()));
            simulator.addAll(SimulatorBenchmark.overSocket(options.socketInstances(), Math.max(1, options.runs() / 2)));
            return simulator;
        }, results);
        section(options, "outside plugins (examples/plugins)", () -> OutsidePluginBenchmark.run(1_000,
                options.runs()), results);
        section(options, "controller, in process", () -> ControllerBenchmark.commitToConverged(
                options.controllerSizes(), options.runs()), results);
        section(options, "heap", () -> List.of(ControllerBenchmark.heap(options.heapSize(),
                Math.min(3, options.runs()))), results);
        section(options, "virtual time", () -> List.of(VirtualRolloutBenchmark.run(10_000,
                Math.min(3, options.runs()))), results);
        section(options, "docker containers", () -> DockerBenchmark.run(Math.max(3, options.runs())), results);
        section(options, "aws describe on moto", () -> AwsBenchmark.describe(1_000, options.runs()), results);
        if (!options.skipCli()) {
            section(options, "describe on a manager", () -> ManagerBenchmark.describe(options.launcher(),
                    options.describeSize(), options.runs()), results);
            section(options, "plugin processes", () -> PluginProcessBenchmark.run(options.launcher(),
                    Math.max(5, options.runs())), results);
            section(options, "VMs", () -> VmBenchmark.run(options.launcher(),
                    options.launcher().toAbsolutePath().getParent(), Math.max(3, options.runs())), results);
            section(options, "heal 1 of 100, default poll", () -> HealBenchmark.run(options.launcher(),
                    Math.max(5, options.runs())), results);
            section(options, "file e2e cold commit, cattle.json N=1000", () -> ColdCommitBenchmark.run(
                    options.launcher(), 1_000, options.e2eRuns()), results);
            for (FlowCase flow : options.flows()) {
                section(options, "file e2e N=" + flow.size() + " poll " + flow.poll(), () -> FileFlowBenchmark.run(
                        options.launcher(), flow.size(), flow.poll(), flow.runs(), flow.cpuWindow()), results);
            }
        }
        System.out.println(machine());
        System.out.printf(Locale.ROOT, "total bench time: %.0f s%n%n", (System.nanoTime() - start) / 1e9);
        System.out.print(Table.render(results));
    }

    /** Runs one group of benchmarks; a failure is reported on stderr and the others still run. */
    private static void section(Options options, String name, Supplier<List<Result>> benchmark,
                                List<Result> results) {
        if (options.only() != null && !name.contains(options.only())) {
            return;
        }
        long start = System.nanoTime();
        System.err.println("bench: " + name + "...");
        try {
            results.addAll(benchmark.get());
            System.err.printf(Locale.ROOT, "bench: %s done in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
        } catch (RuntimeException e) {
            System.err.println("bench: " + name + " FAILED: " + e);
            results.add(new Result(name + " (FAILED: " + e.getMessage() + ")", new Stats(0, 0, 0, 0), 1, "-"));
        }
    }

    static String machine() {
        return String.format(Locale.ROOT, "machine: %d cores, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    /** One file-plugin flow: the group size, the manager's poll interval, runs, and the CPU window (0: none). */
    record FlowCase(int size, Duration poll, int runs, Duration cpuWindow) {
    }

    record Options(int runs, int e2eRuns, int instances, int socketInstances, Path launcher, boolean skipCli,
                   boolean quick, String only) {

        static Options parse(String[] args) {
            int runs = 5;
            int e2eRuns = 3;
            int instances = 10_000;
            int socketInstances = 10_000;
            Path launcher = Path.of("infrakit").toAbsolutePath();
            boolean skipCli = false;
            boolean quick = false;
            String only = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--e2e-runs" -> e2eRuns = Integer.parseInt(args[++i]);
                    case "--instances" -> instances = Integer.parseInt(args[++i]);
                    case "--socket-instances" -> socketInstances = Integer.parseInt(args[++i]);
                    case "--launcher" -> launcher = Path.of(args[++i]).toAbsolutePath();
                    case "--skip-cli" -> skipCli = true;
                    case "--quick" -> quick = true;
                    case "--only" -> only = args[++i];
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; known: --quick, --runs N, --e2e-runs N, --instances N, --socket-instances N, "
                            + "--launcher PATH, --skip-cli, --only SECTION");
                }
            }
            if (quick) {
                return new Options(Math.min(runs, 2), 1, Math.min(instances, 2_000), Math.min(socketInstances, 1_000),
                        launcher, skipCli, true, only);
            }
            return new Options(runs, e2eRuns, instances, socketInstances, launcher, skipCli, false, only);
        }

        List<Integer> controllerSizes() {
            return quick ? List.of(1_000, 10_000) : List.of(1_000, 10_000, 100_000);
        }

        int heapSize() {
            return 10_000;
        }

        int describeSize() {
            return quick ? 1_000 : 10_000;
        }

        List<FlowCase> flows() {
            Duration fast = Duration.ofMillis(100);
            Duration second = Duration.ofSeconds(1);
            if (quick) {
                return List.of(new FlowCase(10, fast, e2eRuns, Duration.ZERO),
                        new FlowCase(100, second, e2eRuns, Duration.ofSeconds(2)));
            }
            List<FlowCase> flows = new ArrayList<>();
            for (int size : List.of(10, 100, 1_000)) {
                flows.add(new FlowCase(size, fast, e2eRuns, size == 1_000 ? Duration.ofSeconds(10) : Duration.ZERO));
                flows.add(new FlowCase(size, second, e2eRuns, Duration.ZERO));
            }
            for (int size : List.of(10, 100, 1_000)) {
                flows.add(new FlowCase(size, ControllerSettings.DEFAULT_POLL_INTERVAL, e2eRuns, Duration.ZERO));
            }
            return flows;
        }
    }
}
