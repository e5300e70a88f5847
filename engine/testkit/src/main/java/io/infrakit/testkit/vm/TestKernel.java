package io.infrakit.testkit.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The distribution kernel the VM tests boot: test.sh unpacks the linux-image package into
 * {@code INFRAKIT_TEST_KERNEL_DIR} (default {@code ~/.cache/infrakit/kernel}), giving {@code boot/vmlinuz-*} and
 * {@code lib/modules/<version>/...}. Tests call {@link #require()} so that a missing kernel or QEMU fails with the
 * fix rather than being skipped.
 */
public record TestKernel(Path root, Path vmlinuz) {

    public static final String DIRECTORY_VARIABLE = "INFRAKIT_TEST_KERNEL_DIR";

    /** The modules that give a guest virtio networking, in load order (docs/images-and-vms.md). */
    public static final List<String> VIRTIO_NET = List.of("virtio_ring", "virtio", "virtio_pci_modern_dev",
            "virtio_pci_legacy_dev", "virtio_pci", "failover", "net_failover", "virtio_net");
    /** Virtio networking, the ACPI power button that QMP's system_powerdown presses, and fw_cfg user data. */
    public static final List<String> VM_MODULES = Stream.concat(VIRTIO_NET.stream(),
            Stream.of("button", "evdev", "qemu_fw_cfg")).toList();

    /** The kernel, QEMU and busybox-static, or an AssertionError saying how to get them. */
    public static TestKernel require() {
        if (!Files.exists(Path.of("/bin/busybox"))) {
            throw new AssertionError("busybox-static is not installed: apt-get install busybox-static (test.sh does)");
        }
        if (!onPath("qemu-system-x86_64")) {
            throw new AssertionError("QEMU is not installed: apt-get install qemu-system-x86 (test.sh does)");
        }
        Path directory = directory();
        return find(directory).map(kernel -> new TestKernel(directory, kernel)).orElseThrow(() -> new AssertionError(
                "no kernel under " + directory + ": run ./test.sh, which unpacks the linux-image package there"));
    }

    public static Path directory() {
        String configured = System.getenv(DIRECTORY_VARIABLE);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "infrakit", "kernel");
    }

    public Path modules() {
        return root.resolve("lib/modules");
    }

    private static Optional<Path> find(Path directory) {
        Path boot = directory.resolve("boot");
        if (!Files.isDirectory(boot)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(boot)) {
            return files.filter(file -> file.getFileName().toString().startsWith("vmlinuz-")).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }
}
