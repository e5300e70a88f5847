package io.infrakit.image;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An image built from the distribution's kernel and busybox-static boots under QEMU (TCG): /init loads the virtio
 * modules, gets an address by DHCP and starts the spec's service, which answers through a forwarded port.
 * test.sh installs qemu-system-x86 and busybox-static and unpacks the linux-image package.
 */
class RealKernelBootIT {

    private static final List<String> VIRTIO_NET = List.of("virtio_ring", "virtio", "virtio_pci_modern_dev",
            "virtio_pci_legacy_dev", "virtio_pci", "failover", "net_failover", "virtio_net");

    @TempDir
    Path work;

    private Process vm;

    @BeforeEach
    void requireTheRealThings() {
        assertThat(Path.of("/bin/busybox")).as("busybox-static is not installed: apt-get install busybox-static")
                .exists();
        assertThat(onPath("qemu-system-x86_64")).as("QEMU is not installed: apt-get install qemu-system-x86")
                .isTrue();
        assertThat(kernel()).as("no kernel under " + kernelDirectory()
                + ": run ./test.sh, which unpacks the linux-image package there").isPresent();
    }

    @AfterEach
    void stopTheVm() throws InterruptedException {
        if (vm != null) {
            vm.destroyForcibly().waitFor();
        }
    }

    @Test
    void theImageBootsAndServesWhatTheSpecBakedIn() throws Exception {
        Path spec = Files.writeString(work.resolve("web.yml"), """
                kernel: {path: %s, cmdline: "console=ttyS0 quiet panic=-1"}
                modules: [%s]
                files:
                  - {path: /www/index.html, contents: "key={{key}}\\n", mode: "0644"}
                services:
                  - {name: web, command: "httpd -f -p 80 -h /www"}
                """.formatted(kernel().orElseThrow(), String.join(", ", VIRTIO_NET)));
        ImageBuilder builder = new ImageBuilder(work.resolve("images"), kernelDirectory().resolve("lib/modules"),
                Clock.systemUTC());

        BuiltImage image = builder.build(spec, Map.of("key", "A"));
        BuiltImage again = new ImageBuilder(work.resolve("images-again"), kernelDirectory().resolve("lib/modules"),
                Clock.systemUTC()).build(spec, Map.of("key", "A"));
        assertThat(again.hash()).isEqualTo(image.hash());
        assertThat(Files.mismatch(again.initrd(), image.initrd())).isEqualTo(-1L);
        assertThat(builder.build(spec, Map.of("key", "B")).hash()).isNotEqualTo(image.hash());

        int port = freePort();
        Path serial = work.resolve("serial.log");
        vm = new ProcessBuilder("qemu-system-x86_64", "-accel", "tcg", "-m", "256", "-smp", "1", "-nodefaults",
                "-no-user-config", "-display", "none", "-no-reboot", "-serial", "file:" + serial,
                "-kernel", image.kernel().toString(), "-initrd", image.initrd().toString(),
                "-append", Files.readString(image.directory().resolve("cmdline")).strip() + " infrakit.id=vm1",
                "-netdev", "user,id=n0,hostfwd=tcp:127.0.0.1:" + port + "-:80",
                "-device", "virtio-net-pci,netdev=n0")
                .redirectErrorStream(true).redirectOutput(work.resolve("qemu.log").toFile()).start();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                .timeout(Duration.ofSeconds(3)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                        .isEqualTo("key=A\n"));
        assertThat(Files.readString(serial)).contains("INFRAKIT-READY id=vm1");
    }

    private static Path kernelDirectory() {
        String configured = System.getenv("INFRAKIT_TEST_KERNEL_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "infrakit", "kernel");
    }

    private static Optional<Path> kernel() {
        Path boot = kernelDirectory().resolve("boot");
        if (!Files.isDirectory(boot)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(boot)) {
            return files.filter(file -> file.getFileName().toString().startsWith("vmlinuz-")).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
