package io.infrakit.e2e;

import io.infrakit.testkit.OtherUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another local user (uid 65534, {@code setpriv} as root) against a manager and the launcher (docs/security.md): it
 * never gets an answer from any socket, while the manager starts under umask 000 in a 0755 parent or later
 * with every permission opened; the home and what is in it are the owner's alone; and {@code group commit
 * --simulate} is bounded and never runs in the manager.
 */
class LocalUserHostileIT {

    private static final int STARTS = 50;
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private Path parent;
    private Path home;
    private Launcher infrakit;

    @BeforeAll
    static void anotherUserIsAvailable() {
        OtherUser.requireAvailable();
    }

    @BeforeEach
    void openParent() throws IOException {
        parent = Files.createTempDirectory(Path.of("/tmp"), "ik-hostile");
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        home = parent.resolve("home");
        infrakit = launcher(Map.of());
    }

    @AfterEach
    void stopAndRemove() throws IOException {
        if (Files.isDirectory(home)) {
            infrakit.run("manager", "stop");
        }
        deleteTree(parent);
    }

    @Test
    void anotherUserNeverGetsAnAnswerWhileTheManagerStartsUnderUmask000() throws IOException {
        Path shared = Files.createDirectory(parent.resolve("shared-plugins"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Launcher sharingPlugins = launcher(Map.of("INFRAKIT_PLUGINS_DIR", shared.toString()));
        List<String> pluginNames = firstStartsPluginNames();
        List<String> targets = new ArrayList<>(List.of(home.resolve("cli.sock").toString(), parent + "/"));
        for (String name : pluginNames) {
            targets.add(home.resolve("plugins").resolve(name).toString());
            targets.add(shared.resolve(name).toString());
        }

        OtherUser.ConnectLoop attacker = OtherUser.connectLoop(targets);
        try {
            for (int start = 0; start < STARTS; start++) {
                // Every other start serves the plugins in a directory anyone may write to, as a chosen one can be.
                boolean inShared = start % 2 == 1;
                Launcher.Result started = (inShared ? sharingPlugins : infrakit).runUnderUmask("000", "manager", "start");
                assertThat(started.exitCode()).as("start %d: %s", start, started).isZero();
                assertThat(mode(home)).as("the home after start %d", start).isEqualTo("rwx------");
                assertThat(mode(home.resolve("manager.log"))).isEqualTo("rw-------");
                assertThat(openToOthers(home)).as("files others may use in the home after start %d", start).isEmpty();
                if (inShared) {
                    assertThat(listing(shared)).as("the shared plugins directory after start %d", start)
                            .allSatisfy((name, mode) -> assertThat(mode).as(name).isEqualTo("rw-------"))
                            .containsKeys(pluginNames.toArray(String[]::new));
                }
                stopManager();
                deleteTree(home);
            }
        } finally {
            attacker.close();
        }

        assertThat(attacker.attempts()).as("connections the other user tried").isGreaterThan(STARTS * 10L);
        assertThat(attacker.connected()).as("connections the kernel let through: the home is 0700 and every socket "
                + "0600 from the moment it appears").isZero();
        assertThat(attacker.answers()).as("answers the other user got").isEmpty();
        assertThat(listing(shared)).as("what the managers left in the shared directory").isEmpty();
    }

    @Test
    void theSocketsRefuseAnotherUserEvenWithEveryPermissionOpened() throws Exception {
        Launcher.Result started = infrakit.run("manager", "start");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        Path cliSocket = home.resolve("cli.sock");
        List<Path> sockets = new ArrayList<>(List.of(cliSocket));
        try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
            plugins.filter(path -> !path.getFileName().toString().endsWith(".pid")).forEach(sockets::add);
        }
        // What a careless user or a later tool might do: now only the peer-uid check stands in the way.
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home.resolve("plugins"), PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path socket : sockets) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
        }

        for (Path socket : sockets) {
            OtherUser.Result curl = OtherUser.run("curl -q -s -o /dev/null -w '%{http_code}' --max-time 5 "
                    + "--unix-socket \"$1\" -H 'X-Infrakit-Build: any' --data-binary 'x' http://infrakit/run; "
                    + "echo \" exit $?\"", socket.toString());
            // 7: closed before curl could send, 52: closed, 56: reset; never an HTTP status
            assertThat(curl.output()).as("the other user's HTTP status and curl's exit on %s", socket)
                    .matches("000 exit (7|52|56)\\s*");
        }
        OtherUser.ConnectLoop attacker = OtherUser.connectLoop(sockets.stream().map(Path::toString).toList());
        waitMillis(1_000);
        attacker.close();
        assertThat(attacker.connected()).as("connections the kernel let through").isGreaterThan(sockets.size());
        assertThat(attacker.answers()).as("answers the other user got").isEmpty();

        Launcher.Result owner = infrakit.run("plugin", "ls");
        assertThat(owner.exitCode()).as(owner.toString()).isZero();
        String log = Files.readString(home.resolve("manager.log"));
        assertThat(log).as("the owner is still served on cli.sock").contains("ran 'plugin ls' for the launcher (exit 0)");
        for (Path socket : sockets) {
            assertThat(log.lines().filter(line -> line.contains("refused a connection to " + socket
                    + " from user nobody: only its owner may connect")))
                    .as("lines about the refused connections to %s, however many", socket).hasSize(1);
        }
    }

    @Test
    void anOpenHomeIsMadePrivateAtStartAndTheLogSaysSoOnce() throws IOException {
        Files.createDirectory(home);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));

        Launcher.Result started = infrakit.run("manager", "start");

        assertThat(started.exitCode()).as(started.toString()).isZero();
        String notice = "the home " + home + " was open to other users (mode 755): made it 0700, its owner's alone";
        assertThat(started.err()).contains("infrakit: " + notice + "\n");
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(Files.readString(home.resolve("manager.log")).lines().filter(line -> line.contains(notice)))
                .hasSize(1);
    }

    @Test
    void aHomeOfAnotherUserOrASharedDirectoryIsRefusedAndLeftAsItIs() throws IOException {
        Files.createDirectory(home);
        Files.setOwner(home, home.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(String.valueOf(OtherUser.UID)));

        Launcher.Result foreign = infrakit.run("manager", "start");

        assertOneLineError(foreign, 2, "infrakit: cannot run a manager in " + home + ": it belongs to uid "
                + OtherUser.UID + ", not to this user (uid 0); use a home of your own (--home or INFRAKIT_HOME)");
        assertThat(listing(home)).isEmpty();

        Files.setOwner(home, parent.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
        Files.setAttribute(home, "unix:mode", 01777);

        Launcher.Result shared = infrakit.run("manager", "start");

        assertOneLineError(shared, 2, "infrakit: cannot run a manager in " + home + ": it is a shared directory "
                + "(mode 1777); use a home of your own (--home or INFRAKIT_HOME)");
        assertThat(listing(home)).isEmpty();
        assertThat(Files.getAttribute(home, "unix:mode")).isEqualTo(041777);
    }

    @Test
    void aSimulationLargerThanTheBoundIsAnInvalidSpecAndChangesNothing() throws IOException {
        commitWebOfTwo();
        Snapshot before = snapshot();

        Launcher.Result huge = infrakit.run("group", "commit", "--simulate", spec("huge.json", 20_000_000));
        assertOneLineError(huge, 3, "infrakit: Properties.Allocation.Size: 20000000 instances are more than a "
                + "simulation runs (at most 100000, INFRAKIT_SIMULATION_MAX_SIZE)");

        Launcher.Result bounded = launcher(Map.of("INFRAKIT_SIMULATION_MAX_SIZE", "10"))
                .run("group", "commit", "--simulate", spec("eleven.json", 11));
        assertOneLineError(bounded, 3, "infrakit: Properties.Allocation.Size: 11 instances are more than a "
                + "simulation runs (at most 10, INFRAKIT_SIMULATION_MAX_SIZE)");

        assertThat(snapshot()).isEqualTo(before);
        assertThat(managerLog()).doesNotContain("ran 'group commit' for the launcher").doesNotContain("sim-");
    }

    @Test
    void aSimulationThatRunsOutOfTimeStopsWithExit6AndChangesNothing() throws IOException {
        commitWebOfTwo();
        Snapshot before = snapshot();

        Launcher.Result late = launcher(Map.of("INFRAKIT_SIMULATION_TIMEOUT", "1ms"))
                .run("group", "commit", "--simulate", spec("big.json", 5_000));

        assertThat(late.exitCode()).as(late.toString()).isEqualTo(6);
        assertThat(late.out()).isEmpty();
        assertThat(late.err()).startsWith("infrakit: simulating web took longer than 1ms (INFRAKIT_SIMULATION_TIMEOUT); "
                + "stopped ").endsWith(" into the simulated rollout, nothing was changed\n");
        assertThat(late.err().lines()).hasSize(1);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aSimulationRunsInItsCallersJvmLogsNothingInTheManagerAndEndsWithItsCaller() throws Exception {
        commitWebOfTwo();
        Snapshot before = snapshot();
        Path options = parent.resolve("options");
        Files.writeString(options, "--simulate\n");

        Launcher.Result simulated = infrakit.run("group", "commit", "--simulate", spec("web-50.json", 50));
        Launcher.Result fromArgumentFile = infrakit.run("group", "commit", spec("web-40.json", 40), "@" + options);

        assertThat(simulated.exitCode()).as(simulated.toString()).isZero();
        assertThat(simulated.out()).startsWith("Simulating web: ");
        assertThat(fromArgumentFile.exitCode()).as(fromArgumentFile.toString()).isZero();
        assertThat(fromArgumentFile.out()).startsWith("Simulating web: ");

        ProcessBuilder caller = new ProcessBuilder(Launcher.ROOT.resolve("infrakit").toString(), "group", "commit",
                "--simulate", spec("web-100000.json", 100_000))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(Launcher.ROOT.toFile());
        caller.environment().put("INFRAKIT_HOME", home.toString());
        caller.environment().put("INFRAKIT_GROUP_POLL_INTERVAL", "1s");
        Process running = caller.start();
        waitMillis(1_500);
        running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.allProcesses().filter(process -> process.info().arguments()
                .map(args -> String.join(" ", args)).orElse("").contains("web-100000.json")))
                .as("processes still simulating after their caller was killed").isEmpty();

        assertThat(snapshot()).isEqualTo(before);
        assertThat(managerLog()).doesNotContain("ran 'group commit' for the launcher").doesNotContain("sim-");
    }

    private Launcher launcher(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(extra);
        environment.put("INFRAKIT_HOME", home.toString());
        environment.put("INFRAKIT_GROUP_POLL_INTERVAL", "1s");
        return new Launcher(environment);
    }

    /** Starts and stops one manager to learn the names of the plugin sockets it serves. */
    private List<String> firstStartsPluginNames() throws IOException {
        Launcher.Result started = infrakit.run("manager", "start");
        assertThat(started.exitCode()).as(started.toString()).isZero();
        List<String> names;
        try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
            names = plugins.map(path -> path.getFileName().toString()).filter(name -> !name.endsWith(".pid"))
                    .sorted().toList();
        }
        stopManager();
        deleteTree(home);
        assertThat(names).contains("group", "file", "simulator");
        return names;
    }

    /** Stops the manager as {@code manager stop} does (SIGTERM, then its exit), without another JVM. */
    private void stopManager() throws IOException {
        long pid = Long.parseLong(Files.readString(home.resolve("manager.pid")).strip());
        ProcessHandle manager = ProcessHandle.of(pid).orElseThrow();
        manager.destroy();
        try {
            manager.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the manager (pid " + pid + ") did not stop", e);
        }
    }

    private void commitWebOfTwo() throws IOException {
        Launcher.Result committed = infrakit.run("group", "commit", spec("web.json", 2), "--wait", "60s");
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
    }

    private String spec(String name, int size) throws IOException {
        Path file = parent.resolve(name);
        Files.writeString(file, "{\"ID\": \"web\", \"Properties\": {\"Allocation\": {\"Size\": " + size + "},"
                + " \"Instance\": {\"Plugin\": \"file\", \"Properties\": {\"Note\": \"" + name + "\"}},"
                + " \"Flavor\": {\"Plugin\": \"vanilla\"}}}");
        return file.toString();
    }

    /** What a user would check: the stored specs and the instances. */
    private record Snapshot(String configs, Map<String, String> instances) {
    }

    private Snapshot snapshot() throws IOException {
        Map<String, String> instances = new TreeMap<>();
        try (Stream<Path> files = Files.list(home.resolve("instances/file"))) {
            for (Path file : files.toList()) {
                instances.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return new Snapshot(Files.readString(home.resolve("configs/global.config")), instances);
    }

    private String managerLog() throws IOException {
        return Files.readString(home.resolve("manager.log"));
    }

    private static void assertOneLineError(Launcher.Result result, int exitCode, String line) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.err()).isEqualTo(line + "\n");
        assertThat(result.out()).isEmpty();
    }

    /** Every file and directory under the root whose mode lets anyone but its owner in, with that mode. */
    private static Map<String, String> openToOthers(Path root) throws IOException {
        Map<String, String> open = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                    open.put(root.relativize(path).toString(), PosixFilePermissions.toString(permissions));
                }
            }
        }
        return open;
    }

    /** The directory's entries by name, with their modes. */
    private static Map<String, String> listing(Path directory) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.toList()) {
                entries.put(path.getFileName().toString(), mode(path));
            }
        }
        return entries;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static void waitMillis(long millis) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(millis);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
