package io.infrakit.image;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The other ways an image of the distribution's kernel boots under QEMU (TCG), each up to its service answering
 * HTTP: the vmlinux extracted from the kernel, through QEMU's PVH entry; the ISO made by grub-mkrescue, as a CD-ROM;
 * and the qcow2 disk converted from it, as a virtio disk. One image serves all three. test.sh installs the tools.
 */
class ImageFormatsBootIT {

    @TempDir
    static Path images;

    @TempDir
    Path work;

    private static BuiltImage image;
    private BootedVm vm;

    @BeforeAll
    static void buildOneImageThenAddTheDiskFormatsToIt() throws IOException {
        RealMachine.requireKernelBusyboxAndQemu();
        RealMachine.requireDiskFormatTools();
        Path specDir = Files.createDirectories(images.resolve("spec"));
        ImageBuilder builder = new ImageBuilder(images.resolve("images"), RealMachine.modulesDirectory(),
                Clock.systemUTC());
        BuiltImage plain = builder.build(RealMachine.webSpec(specDir, ""), Map.of("key", "F"));
        assertThat(plain.iso()).isEmpty();

        image = builder.build(RealMachine.webSpec(specDir, "formats: [iso, qcow2]\n"), Map.of("key", "F"));

        assertThat(image.hash()).as("formats do not change what boots").isEqualTo(plain.hash());
        assertThat(image.formats()).containsExactly("kernel", "vmlinux", "iso", "qcow2");
        assertThat(ImageManifest.read(image.directory().resolve("image.json")).formats())
                .containsExactly("kernel", "vmlinux", "iso", "qcow2");
    }

    @AfterEach
    void stopTheVm() throws InterruptedException {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void theVmlinuxOfTheDistributionKernelBootsThroughPvh() throws Exception {
        Path vmlinux = image.vmlinux().orElseThrow();
        assertThat(magic(vmlinux)).isEqualTo(new byte[] {0x7F, 'E', 'L', 'F'});
        assertThat(Files.size(vmlinux)).isGreaterThan(Files.size(image.kernel()));

        vm = BootedVm.start(work, List.of("-kernel", vmlinux.toString(), "-initrd", image.initrd().toString(),
                "-append", cmdline() + " infrakit.id=pvh"));

        vm.awaitHttp("/index.html", "key=F\n");
        assertThat(vm.serialLog()).contains("INFRAKIT-READY id=pvh");
    }

    @Test
    void theIsoBootsFromCdrom() throws Exception {
        vm = BootedVm.start(work, List.of("-cdrom", image.iso().orElseThrow().toString(), "-boot", "d"));

        vm.awaitHttp("/index.html", "key=F\n");
        assertThat(vm.serialLog()).contains("INFRAKIT-READY");
    }

    @Test
    void theQcow2BootsAsAVirtioDisk() throws Exception {
        // snapshot=on: the guest's writes go to a temporary overlay, never into the image.
        vm = BootedVm.start(work, List.of("-drive", "file=" + image.qcow2().orElseThrow()
                + ",format=qcow2,if=virtio,snapshot=on", "-boot", "c"));

        vm.awaitHttp("/index.html", "key=F\n");
        assertThat(vm.serialLog()).contains("INFRAKIT-READY");
    }

    @Test
    void aFailingToolIsReportedWithTheLastLineItWroteToStderr() throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.writeString(bin.resolve("grub-mkrescue"), "#!/bin/sh\necho 'xorriso : working' >&2\n"
                + "echo 'grub-mkrescue: error: no space left on the medium.' >&2\nexit 1\n");
        Files.setPosixFilePermissions(bin.resolve("grub-mkrescue"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(Path.of("/usr/bin/xorriso"), bin.resolve("xorriso"));
        ImageBuilder builder = new ImageBuilder(work.resolve("images"), RealMachine.modulesDirectory(),
                Clock.systemUTC(), new HostTools(List.of(bin), Path.of("/usr/lib/grub/i386-pc")));
        Path spec = RealMachine.webSpec(work, "formats: [iso]\n");

        assertThatThrownBy(() -> builder.build(spec, Map.of("key", "X")))
                .isInstanceOf(ImageBuildException.class)
                .hasMessage("image " + spec + ": grub-mkrescue failed (exit 1): "
                        + "grub-mkrescue: error: no space left on the medium.");
    }

    private static String cmdline() throws IOException {
        return Files.readString(image.directory().resolve("cmdline")).strip();
    }

    private static byte[] magic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        }
    }
}
