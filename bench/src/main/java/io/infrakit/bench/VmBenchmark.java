package io.infrakit.bench;

import io.infrakit.image.BuiltImage;
import io.infrakit.image.ImageBuilder;
import io.infrakit.plugins.instance.qemu.QemuBinaries;
import io.infrakit.plugins.instance.qemu.QemuInstancePlugin;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.PublishedPorts;
import io.infrakit.testkit.vm.TestKernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Real VMs (QEMU TCG, the distribution kernel test.sh unpacks): building the LinuxKit demo's image, booting one VM
 * until its page answers, and the demo playbook's 3-VM rolling update through the launcher.
 */
final class VmBenchmark {

    static final String LINUXKIT = "examples/playbooks/linuxkit";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
    private static final Duration BOOT_LIMIT = Duration.ofSeconds(120);

    private VmBenchmark() {
    }

    static List<Result> run(Path launcher, Path repository, int runs) {
        TestKernel kernel;
        try {
            kernel = TestKernel.require();
        } catch (AssertionError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Path work = temporaryDirectory();
        try {
            List<Result> results = new ArrayList<>();
            Path spec = repository.resolve(LINUXKIT).resolve("images/web.yml");
            ImageBuilder builder = new ImageBuilder(work.resolve("images"), kernel.modules(), Clock.systemUTC());
            long start = System.nanoTime();
            BuiltImage image = builder.build(spec, vars(kernel, "first"));
            results.add(Result.timed("image build, first of its kernel (vmlinux extracted)",
                    List.of(since(start)), 1, "-"));
            List<Duration> fresh = new ArrayList<>();
            List<Duration> cached = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                start = System.nanoTime();
                builder.build(spec, vars(kernel, "run" + run));
                fresh.add(since(start));
                start = System.nanoTime();
                builder.build(spec, vars(kernel, "first"));
                cached.add(since(start));
            }
            results.add(Result.timed("image build, new image of a known kernel (warm JVM)", fresh, 1, "< 2 s"));
            results.add(Result.timed("image build, unchanged spec (cached)", cached, 1, "-"));

            QemuInstancePlugin vms = new QemuInstancePlugin(work.resolve("vms"), QemuBinaries.DEFAULT,
                    Clock.systemUTC());
            Path vmlinux = image.vmlinux().orElseThrow(() -> new IllegalStateException("the kernel gave no vmlinux"));
            results.add(Result.timed("VM boot to healthy page (PVH vmlinux, TCG)",
                    boots(vms, vmlinux, image, runs), 1, "~2 s (TCG limit)"));
            results.add(Result.timed("VM boot to healthy page (bzImage, TCG)",
                    boots(vms, image.kernel(), image, Math.max(1, runs / 2)), 1, "-"));
            results.add(rollout(launcher, kernel, Math.max(1, runs / 2)));
            return results;
        } finally {
            delete(work);
        }
    }

    private static List<Duration> boots(QemuInstancePlugin vms, Path kernel, BuiltImage image, int runs) {
        List<Duration> samples = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Any properties = Any.of(Map.of("Kernel", kernel.toString(), "Initrd", image.initrd().toString(),
                    "Image", image.hash(), "Ports", List.of(80), "PowerdownTimeout", "0s"));
            long start = System.nanoTime();
            InstanceId id = vms.provision(InstanceSpec.of(properties, Map.of("bench", "boot")));
            try {
                InstanceDescription vm = vms.describeInstances(Map.of("bench", "boot"), true).get(0);
                InetSocketAddress web = PublishedPorts.address(vm, 80).orElseThrow();
                awaitPage(web, "image=" + image.hash());
                samples.add(since(start));
            } finally {
                vms.destroy(id, DestroyReason.TERMINATE);
            }
        }
        return samples;
    }

    /** The demo's rolling update of 3 VMs to a new key: {@code playbook run linuxkit up --wait}, wall time. */
    private static Result rollout(Path launcher, TestKernel kernel, int runs) {
        try (ManagerHome home = ManagerHome.start(launcher, Duration.ofSeconds(1),
                Map.of("INFRAKIT_KERNEL_MODULES", kernel.modules().toString()))) {
            try {
                up(home, kernel, "key0");
                List<Duration> samples = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    long start = System.nanoTime();
                    up(home, kernel, "key" + run);
                    samples.add(since(start));
                }
                return Result.timed("3-VM rolling update to a new image (playbook up --wait, launcher)", samples, 1,
                        "< 25 s");
            } finally {
                home.infrakit.run("playbook", "run", LINUXKIT, "down");
            }
        }
    }

    private static void up(ManagerHome home, TestKernel kernel, String comment) {
        home.infrakit.ok("playbook", "run", LINUXKIT, "up", "--publicKey",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBenchmarkKeyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA " + comment,
                "--size", "3", "--kernel", kernel.vmlinuz().toString(), "--wait", "5m");
    }

    private static Map<String, String> vars(TestKernel kernel, String comment) {
        return Map.of("kernel", kernel.vmlinuz().toString(),
                "key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBenchmarkKeyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA " + comment);
    }

    private static void awaitPage(InetSocketAddress web, String expected) {
        URI page = URI.create("http://" + web.getHostString() + ":" + web.getPort() + "/index.html");
        long deadline = System.nanoTime() + BOOT_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                // Short: before the guest's network is up, QEMU's user network holds a connection open unanswered.
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(page)
                        .timeout(Duration.ofMillis(200)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(expected)) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new IllegalStateException(page + " did not answer with " + expected + " within " + BOOT_LIMIT);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory(Path.of("/tmp"), "ik-vm");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
