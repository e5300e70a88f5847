package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.infrakit.image.ImageFixture.CpioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitramfsTest {

    @TempDir
    Path temp;

    @Test
    void holdsTheExpectedEntriesSortedByPathWithRootOwnerAndZeroMtime() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);

        List<CpioFile> files = ImageFixture.readInitrd(fixture.builder().build(fixture.fullSpec("key-a")).initrd());

        List<String> names = files.stream().map(CpioFile::name).toList();
        assertThat(names).isSorted().doesNotHaveDuplicates().contains(
                "bin", "bin/busybox", "dev", "dev/console", "init", "lib", "lib/modules",
                "etc/acpi/PWRF/00000080", "lib/modules/virtio_net.ko", "lib/modules/virtio_ring.ko", "root", "root/.ssh",
                "root/.ssh/authorized_keys", "usr/share/udhcpc/default.script", "www/index.html");
        assertThat(names).doesNotContain("lib/modules/e1000.ko");
        assertThat(files).allSatisfy(f -> {
            assertThat(f.mtime()).isZero();
            assertThat(f.uid()).isZero();
            assertThat(f.gid()).isZero();
        });
        assertThat(file(files, "bin/busybox").content()).isEqualTo("fake busybox");
        assertThat(file(files, "bin/busybox").mode()).isEqualTo(CpioConstants.C_ISREG | 0755);
        assertThat(file(files, "init").mode()).isEqualTo(CpioConstants.C_ISREG | 0755);
        assertThat(file(files, "root/.ssh").mode()).isEqualTo(CpioConstants.C_ISDIR | 0755);
        assertThat(file(files, "dev/console").mode()).isEqualTo(CpioConstants.C_ISCHR | 0600);
        assertThat(file(files, "www/index.html").content()).isEqualTo("<h1>hello</h1>\n");
    }

    @Test
    void gzipHeaderCarriesNoTimestampAndNoName() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);

        byte[] initrd = Files.readAllBytes(fixture.builder().build(fixture.fullSpec("key-a")).initrd());

        assertThat(initrd[0] & 0xff).isEqualTo(0x1f);
        assertThat(initrd[1] & 0xff).isEqualTo(0x8b);
        assertThat(initrd[3]).as("flags: no name, no comment").isZero();
        assertThat(new byte[] {initrd[4], initrd[5], initrd[6], initrd[7]}).as("mtime").containsOnly(0);
    }

    @Test
    void theSameEntriesInAnotherOrderGiveTheSameBytes() {
        InitramfsEntry a = InitramfsEntry.file("/etc/a", 0644, new byte[] {1});
        InitramfsEntry b = InitramfsEntry.file("/bin/b", 0755, new byte[] {2});

        assertThat(Initramfs.write(List.of(a, b))).isEqualTo(Initramfs.write(List.of(b, a)));
    }

    private static CpioFile file(List<CpioFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
