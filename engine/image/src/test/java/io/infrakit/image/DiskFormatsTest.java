package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the disk formats need from the machine, and the GRUB configuration of the ISO; the real tools run in the ITs. */
class DiskFormatsTest {

    @TempDir
    Path temp;

    @Test
    void anIsoWithoutGrubMkrescueNamesThePackagesToInstall() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nbusybox: BUSYBOX\nformats: [iso]\n");

        assertThatThrownBy(() -> fixture.builder(noTools()).build(spec))
                .isInstanceOf(ImageBuildException.class)
                .hasMessage("image " + spec + ": grub-mkrescue not found; install grub-pc-bin, grub-common, xorriso and mtools");
    }

    @Test
    void aQcow2WithoutQemuImgNamesThePackageBeforeAnyIsoIsMade() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nbusybox: BUSYBOX\nformats: [iso, qcow2]\n");

        assertThatThrownBy(() -> fixture.builder(noTools()).build(spec))
                .isInstanceOf(ImageBuildException.class)
                .hasMessage("image " + spec + ": qemu-img not found; install qemu-utils");
    }

    @Test
    void withoutGrubsBiosModulesTheIsoWouldNotBootSoItIsNotMade() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path bin = Files.createDirectories(temp.resolve("bin"));
        for (String tool : List.of("grub-mkrescue", "xorriso")) {
            Files.createFile(bin.resolve(tool), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nbusybox: BUSYBOX\nformats: [iso]\n");
        Path noModules = temp.resolve("grub/i386-pc");

        assertThatThrownBy(() -> fixture.builder(new HostTools(List.of(bin), noModules)).build(spec))
                .isInstanceOf(ImageBuildException.class)
                .hasMessage("image " + spec + ": GRUB's BIOS modules (" + noModules + ") not found; install "
                        + "grub-pc-bin, grub-common, xorriso and mtools");
    }

    @Test
    void aFailedFormatLeavesTheImageItselfAndNothingHalfWritten() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nbusybox: BUSYBOX\nformats: [qcow2]\n");

        assertThatThrownBy(() -> fixture.builder(noTools()).build(spec)).isInstanceOf(ImageBuildException.class);

        List<BuiltImage> images = new ImageStore(fixture.imagesDir).list().stream()
                .map(manifest -> new ImageStore(fixture.imagesDir).find(manifest.hash()).orElseThrow()).toList();
        assertThat(images).singleElement().satisfies(image -> {
            assertThat(image.formats()).containsExactly("kernel");
            try (Stream<Path> files = Files.list(image.directory())) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder("kernel", "initrd.img", "cmdline", "image.json");
            }
        });
    }

    @Test
    void anImageWhoseSpecAsksForNoFormatNeedsNoTools() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);

        BuiltImage image = fixture.builder(noTools()).build(fixture.fullSpec("key-a"));

        assertThat(image.iso()).isEmpty();
        assertThat(image.qcow2()).isEmpty();
    }

    @Test
    void grubBootsTheImagesCmdlineOnTheSerialConsoleAtOnce() {
        String config = BootableIso.grubConfig("console=ttyS0 quiet  panic=-1 note=$HOME;x");

        assertThat(config).contains("serial --unit=0 --speed=115200\n", "terminal_output serial", "set timeout=0\n",
                "  linux /boot/vmlinuz 'console=ttyS0' 'quiet' 'panic=-1' 'note=$HOME;x'\n",
                "  initrd /boot/initrd.img\n");
        assertThat(config.lines().filter(line -> line.startsWith("menuentry"))).hasSize(1);
    }

    private HostTools noTools() {
        return new HostTools(List.of(), temp.resolve("no-grub"));
    }
}
