package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real things the image ITs need, each asserted present with the package test.sh installs for it: the
 * distribution's kernel unpacked under INFRAKIT_TEST_KERNEL_DIR, busybox-static, QEMU, and the disk-format tools.
 */
final class RealMachine {

    static final List<String> VIRTIO_NET_MODULES = List.of("virtio_ring", "virtio", "virtio_pci_modern_dev",
            "virtio_pci_legacy_dev", "virtio_pci", "failover", "net_failover", "virtio_net");

    private RealMachine() {
    }

    static void requireKernelBusyboxAndQemu() {
        assertThat(Path.of("/bin/busybox")).as("busybox-static is not installed: apt-get install busybox-static")
                .exists();
        assertThat(onPath("qemu-system-x86_64")).as("QEMU is not installed: apt-get install qemu-system-x86")
                .isTrue();
        assertThat(kernel()).as("no kernel under " + kernelDirectory()
                + ": run ./test.sh, which unpacks the linux-image package there").isPresent();
    }

    static void requireDiskFormatTools() {
        for (String tool : List.of("grub-mkrescue", "xorriso")) {
            assertThat(onPath(tool)).as(tool + " is not installed: apt-get install grub-pc-bin grub-common xorriso "
                    + "mtools (test.sh installs them)").isTrue();
        }
        assertThat(Path.of("/usr/lib/grub/i386-pc")).as("GRUB's BIOS modules are not installed: apt-get install "
                + "grub-pc-bin (test.sh installs it)").isDirectory();
        assertThat(onPath("qemu-img")).as("qemu-img is not installed: apt-get install qemu-utils (test.sh installs it)")
                .isTrue();
    }

    static Path kernelDirectory() {
        String configured = System.getenv("INFRAKIT_TEST_KERNEL_DIR");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "infrakit", "kernel");
    }

    static Path modulesDirectory() {
        return kernelDirectory().resolve("lib/modules");
    }

    static Optional<Path> kernel() {
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

    /** An image spec for the real kernel whose service serves {@code /www/index.html} = "key={{key}}\n". */
    static Path webSpec(Path dir, String formats) throws IOException {
        return Files.writeString(dir.resolve("web.yml"), """
                kernel: {path: %s, cmdline: "console=ttyS0 quiet panic=-1"}
                modules: [%s]
                files:
                  - {path: /www/index.html, contents: "key={{key}}\\n", mode: "0644"}
                services:
                  - {name: web, command: "httpd -f -p 80 -h /www"}
                %s""".formatted(kernel().orElseThrow(), String.join(", ", VIRTIO_NET_MODULES), formats));
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
