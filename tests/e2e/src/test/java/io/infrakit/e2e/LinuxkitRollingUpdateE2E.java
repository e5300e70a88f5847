package io.infrakit.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrakit.testkit.vm.TestKernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The LinuxKit demo on real VMs: the playbook builds an image with key A and boots 3 QEMU VMs from it; run again
 * with key B, it rolls them over while at least 2 answer at every moment; a VM killed by hand is replaced; down
 * leaves no QEMU process, socket or file behind. An image whose service never starts stops its rollout at the
 * healthy deadline, and AutoRollback brings the VMs back to the last image that was healthy.
 */
class LinuxkitRollingUpdateE2E {

    private static final String PLAYBOOK = "examples/playbooks/linuxkit";
    private static final String KEY_A = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyForTheFirstImageAAAAAAAAAAAAAAAAAAAAAA alice@a";
    private static final String KEY_B = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKeyForTheSecondImageBBBBBBBBBBBBBBBBBBBBB bob@b";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    TemporaryHome home;
    Launcher infrakit;
    TestKernel kernel;

    @BeforeEach
    void freshHome() throws IOException {
        kernel = TestKernel.require();
        home = TemporaryHome.create("ik-lk", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "1s",
                "INFRAKIT_KERNEL_MODULES", kernel.modules().toString()));
        infrakit = home.launcher();
    }

    @AfterEach
    void stopEverything() throws IOException {
        try {
            infrakit.run("playbook", "run", PLAYBOOK, "down", "--accept-defaults");
        } finally {
            runningVms().forEach(ProcessHandle::destroyForcibly);
            home.close();
        }
    }

    @Test
    void aNewKeyRollsTheVmsOverWhileTwoAlwaysAnswerAndDownLeavesNothing() throws Exception {
        Launcher.Result up = up(KEY_A);
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("image images/web.yml: built ", "group vms: committed: ");
        List<String> pagesA = pages();
        assertThat(pagesA).hasSize(3).allSatisfy(page -> assertThat(page).contains("key=" + KEY_A));
        String imageA = imageOf(pagesA.get(0));
        assertThat(describedVms()).hasSize(3);

        AtomicBoolean rolling = new AtomicBoolean(true);
        CompletableFuture<List<Integer>> answering = CompletableFuture.supplyAsync(() -> {
            List<Integer> samples = new ArrayList<>();
            while (rolling.get()) {
                samples.add(pages().size());
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            return samples;
        });
        Launcher.Result roll = up(KEY_B);
        rolling.set(false);

        assertThat(roll.exitCode()).as(roll.toString()).isZero();
        List<Integer> samples = answering.get();
        assertThat(samples).as("VMs answering, sampled every 200 ms during the rollout").hasSizeGreaterThan(10)
                .allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(2));
        List<String> pagesB = pages();
        assertThat(pagesB).hasSize(3).allSatisfy(page -> assertThat(page).contains("key=" + KEY_B)
                .doesNotContain("image=" + imageA));

        long victim = runningVms().get(0).pid();
        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(runningVms()).extracting(ProcessHandle::pid).doesNotContain(victim).hasSize(3);
            assertThat(pages()).hasSize(3).allSatisfy(page -> assertThat(page).contains("key=" + KEY_B));
        });

        Launcher.Result down = infrakit.run("playbook", "run", PLAYBOOK, "down", "--accept-defaults");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(runningVms()).isEmpty();
            assertThat(vmDirectories()).isEmpty();
        });
        assertThat(qemuProcessesUsing(home.root())).isEmpty();
    }

    @Test
    void aVmThatNeverBecomesHealthyStopsTheRolloutAtItsDeadlineAndRollsBack() throws Exception {
        Path demo = copyOfTheDemo();
        replace(demo.resolve("groups/vms.json.ftl"), "\"HealthyDeadline\": \"2m\"", "\"HealthyDeadline\": \"20s\"");
        Launcher.Result up = up(demo, KEY_A, 2, "--wait", "3m");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(pages()).hasSize(2).allSatisfy(page -> assertThat(page).contains("key=" + KEY_A));

        replace(demo.resolve("images/web.yml"), "command: \"httpd -f -p 80 -h /www\"", "command: \"sleep 100000\"");
        Launcher.Result broken = up(demo, KEY_B, 2);
        assertThat(broken.exitCode()).as(broken.toString()).isZero();

        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Launcher.Result events = infrakit.run("group", "watch", "vms", "--all", "--until-converged");
            assertThat(events.out()).contains("RollbackStarted", "did not become healthy within 20s", "RolledBack");
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(runningVms()).hasSize(2);
            assertThat(pages()).hasSize(2).allSatisfy(page -> assertThat(page).contains("key=" + KEY_A));
        });
        Launcher.Result down = infrakit.run("playbook", "run", demo.toString(), "down");
        assertThat(down.exitCode()).as(down.toString()).isZero();
    }

    private Path copyOfTheDemo() throws IOException {
        Path source = Launcher.ROOT.resolve(PLAYBOOK);
        Path copy = home.resolve("demo");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private static void replace(Path file, String text, String replacement) throws IOException {
        String content = Files.readString(file);
        assertThat(content).as(file + " no longer says " + text).contains(text);
        Files.writeString(file, content.replace(text, replacement));
    }

    private Launcher.Result up(Path playbook, String key, int size, String... more) {
        List<String> args = new ArrayList<>(List.of("playbook", "run", playbook.toString(), "up", "--publicKey", key,
                "--size", Integer.toString(size), "--kernel", kernel.vmlinuz().toString()));
        args.addAll(List.of(more));
        return infrakit.run(args.toArray(String[]::new));
    }

    private Launcher.Result up(String key) {
        return up(Launcher.ROOT.resolve(PLAYBOOK), key, 3, "--wait", "3m");
    }

    /**
     * What every VM of the group serves on its forwarded port 80, for those that answer now. All VMs are asked at
     * the same moment, so that one sample is one instant of the rollout.
     */
    private List<String> pages() {
        List<CompletableFuture<Optional<String>>> answers = new ArrayList<>();
        for (Path state : vmStateFiles()) {
            port(state).ifPresent(address -> answers.add(page(address)));
        }
        List<String> pages = new ArrayList<>();
        for (CompletableFuture<Optional<String>> answer : answers) {
            answer.join().ifPresent(pages::add);
        }
        return pages;
    }

    private static CompletableFuture<Optional<String>> page(String address) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + "/index.html"))
                .timeout(Duration.ofMillis(800)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200 && response.body().contains("key=")
                        ? Optional.of(response.body()) : Optional.<String>empty())
                .exceptionally(failure -> Optional.empty());
    }

    private static Optional<String> port(Path state) {
        try {
            return Optional.ofNullable(JSON.readTree(state.toFile()).path("Ports").path("80").textValue());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String imageOf(String page) {
        return page.lines().filter(line -> line.startsWith("image=")).findFirst().orElseThrow();
    }

    /** The group's VMs as a user sees them: {@code infrakit instance describe --plugin qemu}. */
    private List<JsonNode> describedVms() throws IOException {
        Launcher.Result described = infrakit.run("instance", "describe", "--plugin", "qemu", "--properties",
                "--tags", "infrakit.group=vms", "-o", "json");
        assertThat(described.exitCode()).as(described.toString()).isZero();
        List<JsonNode> vms = new ArrayList<>();
        JSON.readTree(described.out()).forEach(vms::add);
        vms.forEach(vm -> assertThat(vm.path("Properties").path("Ports").path("80").asText())
                .startsWith("127.0.0.1:"));
        return vms;
    }

    private Path qemuDirectory() {
        return home.resolve("instances/qemu");
    }

    private List<Path> vmDirectories() {
        if (!Files.isDirectory(qemuDirectory())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(qemuDirectory())) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<Path> vmStateFiles() {
        return vmDirectories().stream().map(dir -> dir.resolve("vm.json")).filter(Files::isRegularFile).toList();
    }

    /** QEMU processes started for this home, by their pid files, that have not ended. */
    private List<ProcessHandle> runningVms() {
        List<ProcessHandle> running = new ArrayList<>();
        for (Path dir : vmDirectories()) {
            try {
                long pid = Long.parseLong(Files.readString(dir.resolve("qemu.pid")).strip());
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LinuxkitRollingUpdateE2E::notZombie)
                        .ifPresent(running::add);
            } catch (IOException | NumberFormatException e) {
                // no pid yet, or the VM's directory is going away
            }
        }
        return running;
    }

    /** Any QEMU whose command line names a file of this home, found through /proc, not through our own files. */
    private static List<Long> qemuProcessesUsing(Path home) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(c -> c.contains("qemu-system")).orElse(false))
                .filter(process -> process.info().arguments().map(args -> String.join(" ", args)
                        .contains(home.toString())).orElse(false))
                .filter(LinuxkitRollingUpdateE2E::notZombie)
                .map(ProcessHandle::pid).toList();
    }

    private static boolean notZombie(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
