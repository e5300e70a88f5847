package io.infrakit.bench;

import io.infrakit.testkit.git.GitServer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Wall time of the real launcher, as a user's shell would see it. */
final class CliBenchmark {

    private final Path launcher;
    private final Path home;

    private CliBenchmark(Path launcher, Path home) {
        this.launcher = launcher;
        this.home = home;
    }

    static List<Result> run(Path launcher, int runs) {
        Path home = temporaryHome();
        CliBenchmark bench = new CliBenchmark(launcher, home);
        try {
            bench.timed("version");
            Result versionAlone = new Result("infrakit version (no manager: its own JVM)", bench.repeat(runs, "version"),
                    1, "-");
            bench.timed("manager", "start");
            Result version = new Result("infrakit version (manager running)", bench.repeat(runs, "version"), 1,
                    "<= 150 ms");
            bench.timed("plugin", "ls");
            Result pluginLs = new Result("infrakit plugin ls (manager running)", bench.repeat(runs, "plugin", "ls"), 1,
                    "<= 80 ms");
            Result groupLs = new Result("infrakit group ls (manager running)", bench.repeat(runs, "group", "ls"), 1,
                    "<= 80 ms");
            Path spec = home.resolve("hundred.json");
            Files.writeString(spec, "{\"ID\": \"hundred\", \"Properties\": {\"Allocation\": {\"Size\": 100},"
                    + " \"Instance\": {\"Plugin\": \"simulator\", \"Properties\": {}},"
                    + " \"Flavor\": {\"Plugin\": \"vanilla\"}}}");
            bench.timed("group", "commit", spec.toString(), "--wait", "120s");
            Result describe = new Result("infrakit group describe (100 members, manager running)",
                    bench.repeat(runs, "group", "describe", "hundred"), 1, "<= 80 ms");
            Result describeOwnJvm = new Result("infrakit group describe (100 members, own JVM beside the manager)",
                    bench.repeat(runs, true, "group", "describe", "hundred"), 1, "-");
            String playbook = launcher.toAbsolutePath().getParent().resolve(PlaybookBenchmark.QUICKSTART).toString();
            String[] evaluate = {"playbook", "run", playbook, "up", "--accept-defaults", "--print-only"};
            bench.timed(evaluate);
            Result cold = new Result("infrakit playbook run quickstart --print-only (DSL + 3 templates; plan seen before)",
                    bench.repeat(runs, evaluate), 1, "< 500 ms");
            List<Duration> freshValues = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                freshValues.add(bench.timed("playbook", "run", playbook, "up", "--accept-defaults", "--print-only",
                        "--param", "size=" + (50 + run)));
            }
            Result uncachedPlan = new Result("infrakit playbook run quickstart --print-only, values never planned before (Groovy runs)",
                    Stats.of(freshValues), 1, "-");
            List<Duration> adds = new ArrayList<>();
            Result pretend;
            try (GitServer git = GitServer.start(home.resolve("git"))) {
                String url = git.publish(Path.of(playbook), "playbook");
                for (int run = 0; run < runs; run++) {
                    adds.add(bench.timed("playbook", "add", "qs" + run, url + "#main"));
                }
                String[] plan = {"playbook", "run", "qs0", "up", "--accept-defaults", "--pretend"};
                bench.timed(plan);
                pretend = new Result("infrakit playbook run qs up --pretend (added from git://)",
                        bench.repeat(runs, plan), 1, "< 1 s");
            }
            return List.of(versionAlone, version, pluginLs, groupLs, describe, describeOwnJvm, cold, uncachedPlan,
                    new Result("infrakit playbook add (the quickstart over git://)", Stats.of(adds), 1, "< 2 s"),
                    pretend);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            bench.timed("manager", "stop");
            delete(home);
        }
    }

    private Stats repeat(int runs, String... args) {
        return repeat(runs, false, args);
    }

    /** @param ownJvm run it in its own JVM even though a manager runs ({@code INFRAKIT_CLI_IN_MANAGER=no}) */
    private Stats repeat(int runs, boolean ownJvm, String... args) {
        List<Duration> samples = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            samples.add(timed(ownJvm, args));
        }
        return Stats.of(samples);
    }

    private Duration timed(String... args) {
        return timed(false, args);
    }

    private Duration timed(boolean ownJvm, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("INFRAKIT_HOME", home.toString());
        if (ownJvm) {
            builder.environment().put("INFRAKIT_CLI_IN_MANAGER", "no");
        }
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue());
            }
            return took;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), "ik-bench-home");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
