package io.infrakit.image;

import io.infrakit.testkit.vm.TestKernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real things the image ITs need, each asserted present with the package test.sh installs for it: the
 * distribution's kernel unpacked under INFRAKIT_TEST_KERNEL_DIR, busybox-static, QEMU, and the disk-format tools.
 */
final class RealMachine {

    private RealMachine() {
    }

    /** The distribution kernel, busybox-static and QEMU, asserted present (testkit's TestKernel). */
    static TestKernel requireKernelBusyboxAndQemu() {
        return TestKernel.require();
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

    static Path modulesDirectory() {
        return TestKernel.require().modules();
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
                %s""".formatted(TestKernel.require().vmlinuz(), String.join(", ", TestKernel.VIRTIO_NET), formats));
    }

    static boolean onPath(String command) {
        return TestKernel.onPath(command);
    }
}
