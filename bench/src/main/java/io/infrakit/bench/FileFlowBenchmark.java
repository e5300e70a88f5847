package io.infrakit.bench;

import io.infrakit.engine.group.plan.WaitTimes;
import io.infrakit.engine.group.spec.GroupPropertiesParser;
import io.infrakit.spi.Any;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.RolloutControl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * InfraKit's e2e flow on the file plugin, through the launcher and a running manager with this poll interval:
 * commit until all N instance files exist, self-heal after deleting 1 and 10 % of the files, a rolling update of
 * all N one at a time (MaxSurge 1, MaxUnavailable 0) and by 25 % (MaxSurge 25%), destroy to zero; the manager's
 * RSS at N and, optionally, its CPU while the group is steady. Times run from the moment of the user's action
 * (launching the command, deleting the files) to what a user sees in the directory. The commit is also sent over
 * the socket from this JVM, which shows how much of the first figure is the CLI's own start-up.
 */
final class FileFlowBenchmark {

    private static final GroupId GROUP = GroupId.of("flow");
    private static final Duration LIMIT = Duration.ofMinutes(15);
    private static final Duration CHECK = Duration.ofMillis(5);

    /** Which sizes get the targets of the issue. */
    private record Targets(String commit, String rollOne, String rss, String cpu) {
    }

    private final ManagerHome home;
    private final InstanceFiles files;
    private final int size;
    private final RolloutControl rollouts;

    private FileFlowBenchmark(ManagerHome home, int size) {
        this.home = home;
        this.files = new InstanceFiles(home.instanceFiles());
        this.size = size;
        this.rollouts = home.rollouts();
    }

    static String spec(int size, String version, String updating) {
        return "{\"ID\": \"flow\", \"Properties\": {\"Allocation\": {\"Size\": " + size + "},"
                + " \"Instance\": {\"Plugin\": \"file\", \"Properties\": {\"Version\": \"" + version + "\"}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\"}, \"Updating\": {" + updating + "}}}";
    }

    static String hash(String spec) {
        GroupSpec parsed = Any.parse(spec).decode(GroupSpec.class);
        return GroupPropertiesParser.parse(parsed.properties()).configHash();
    }

    /**
     * @param cpuWindow how long to measure the manager's CPU with the group steady; zero: not measured
     */
    static List<Result> run(Path launcher, int size, Duration poll, int runs, Duration cpuWindow) {
        List<Duration> commit = new ArrayList<>();
        List<Duration> commitOverSocket = new ArrayList<>();
        List<Duration> healOne = new ArrayList<>();
        List<Duration> healTenth = new ArrayList<>();
        List<Duration> rollOne = new ArrayList<>();
        List<Duration> rollQuarter = new ArrayList<>();
        List<Duration> destroy = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        try (ManagerHome home = ManagerHome.start(launcher, poll)) {
            FileFlowBenchmark flow = new FileFlowBenchmark(home, size);
            for (int run = 0; run < runs; run++) {
                commit.add(flow.commit());
                rss.add(ProcessStats.rssMiB(home.managerPid()));
                if (!cpuWindow.isZero()) {
                    cpu.add(flow.cpu(cpuWindow));
                }
                healOne.add(flow.heal(1));
                healTenth.add(flow.heal(Math.max(1, size / 10)));
                rollOne.add(flow.roll(spec(size, "2", "\"MaxSurge\": 1, \"MaxUnavailable\": 0")));
                rollQuarter.add(flow.roll(spec(size, "3", "\"MaxSurge\": \"25%\"")));
                destroy.add(flow.destroy());
                commitOverSocket.add(flow.commitOverSocket());
                flow.destroy();
            }
        }
        Targets targets = new Targets(size == 1000 ? "<= 400 ms" : "report",
                size == 100 && poll.equals(Duration.ofSeconds(1)) ? "<= 5000 ms" : "report",
                size == 1000 ? "<= 160 MiB" : "report",
                size == 1000 && poll.equals(Duration.ofMillis(100)) ? "<= 15 %" : "report");
        String at = String.format(Locale.ROOT, "file e2e N=%,d poll %s: ", size, WaitTimes.format(poll));
        List<Result> results = new ArrayList<>(List.of(
                Result.timed(at + "commit to all N files", commit, size, targets.commit()),
                Result.timed(at + "commit to all N files, committed over the socket (no CLI start-up)",
                        commitOverSocket, size, "report"),
                Result.timed(at + "self-heal of 1 deleted file", healOne, 1, "report"),
                Result.timed(at + "self-heal of 10% deleted files", healTenth, Math.max(1, size / 10), "report"),
                Result.timed(at + "rolling update, MaxSurge 1 / MaxUnavailable 0", rollOne, size, targets.rollOne()),
                Result.timed(at + "rolling update, MaxSurge 25%", rollQuarter, size, "report"),
                Result.timed(at + "destroy to zero", destroy, size, "report"),
                Result.measured(at + "manager RSS at N", rss, Result.MIB, targets.rss())));
        if (!cpu.isEmpty()) {
            results.add(Result.measured(at + "manager CPU, steady, over " + WaitTimes.format(cpuWindow), cpu,
                    Result.CPU, targets.cpu()));
        }
        return results;
    }

    private Duration commit() {
        Path spec = home.write("v1.json", spec(size, "1", ""));
        long start = System.nanoTime();
        home.infrakit.ok("group", "commit", spec.toString());
        Duration took = Waits.until(() -> files.count() == size, start, LIMIT, CHECK, size + " instance files");
        steady();
        return took;
    }

    /** The same commit sent by this JVM's client: what the manager itself takes, without the CLI's JVM start. */
    private Duration commitOverSocket() {
        GroupSpec spec = Any.parse(spec(size, "1", "")).decode(GroupSpec.class);
        long start = System.nanoTime();
        home.groups().commitGroup(spec, false);
        Duration took = Waits.until(() -> files.count() == size, start, LIMIT, CHECK, size + " instance files");
        steady();
        return took;
    }

    private Duration heal(int count) {
        files.delete(count);
        long start = System.nanoTime();
        Duration took = Waits.until(() -> files.count() == size, start, LIMIT, CHECK,
                "the group to heal " + count + " deleted files");
        steady();
        return took;
    }

    private Duration roll(String specText) {
        Path spec = home.write("next.json", specText);
        String hash = hash(specText);
        long start = System.nanoTime();
        home.infrakit.ok("group", "commit", spec.toString());
        Duration took = Waits.until(() -> files.allOn(hash, size), start, LIMIT, CHECK,
                "all " + size + " files on config " + hash);
        steady();
        return took;
    }

    private Duration destroy() {
        long start = System.nanoTime();
        home.infrakit.ok("group", "destroy", "flow");
        Duration took = Waits.until(() -> files.count() == 0, start, LIMIT, CHECK, "no instance file left");
        Waits.until(() -> home.groups().inspectGroups().stream().noneMatch(spec -> spec.id().equals(GROUP)),
                System.nanoTime(), LIMIT, Duration.ofMillis(20), "the group to be forgotten");
        return took;
    }

    private double cpu(Duration window) {
        long pid = home.managerPid();
        double before = ProcessStats.cpuSeconds(pid);
        long start = System.nanoTime();
        Waits.pause(window);
        double after = ProcessStats.cpuSeconds(pid);
        double seconds = (System.nanoTime() - start) / 1e9;
        return (after - before) / seconds * 100;
    }

    /** Waits until the controller calls the group converged, so the next phase starts from rest. */
    private void steady() {
        Waits.until(() -> {
            var status = rollouts.status(GROUP);
            return status.converged() && status.current() == size;
        }, System.nanoTime(), LIMIT, Duration.ofMillis(20), "the group to converge");
    }
}
