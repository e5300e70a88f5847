package io.infrakit.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmarks and prints a table. Not a test: these machines are noisy, so the numbers are read by
 * people and compared with the targets, never asserted.
 *
 * <p>Arguments: {@code --runs N} (default 7), {@code --instances N} (default 10000), {@code --socket-instances N}
 * (default 10000), {@code --launcher PATH} (default ./infrakit), {@code --skip-cli}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        List<Result> results = new ArrayList<>();
        if (!options.skipCli()) {
            results.addAll(CliBenchmark.run(options.launcher(), options.runs()));
        }
        results.addAll(SimulatorBenchmark.inProcess(options.instances(), options.runs()));
        results.addAll(SimulatorBenchmark.overSocket(options.socketInstances(), Math.max(1, options.runs() / 2)));
        System.out.println(machine());
        System.out.println();
        System.out.print(Table.render(results));
    }

    static String machine() {
        return String.format(Locale.ROOT, "machine: %d cores, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }

    record Options(int runs, int instances, int socketInstances, Path launcher, boolean skipCli) {

        static Options parse(String[] args) {
            int runs = 7;
            int instances = 10_000;
            int socketInstances = 10_000;
            Path launcher = Path.of("infrakit").toAbsolutePath();
            boolean skipCli = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--instances" -> instances = Integer.parseInt(args[++i]);
                    case "--socket-instances" -> socketInstances = Integer.parseInt(args[++i]);
                    case "--launcher" -> launcher = Path.of(args[++i]).toAbsolutePath();
                    case "--skip-cli" -> skipCli = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; known: --runs N, --instances N, --socket-instances N, --launcher PATH, --skip-cli");
                }
            }
            return new Options(runs, instances, socketInstances, launcher, skipCli);
        }
    }
}
