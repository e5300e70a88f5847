package io.infrakit.image;

import io.infrakit.spi.InvalidSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Modules as distributions ship them: plain, or compressed with xz (Debian 13) or gzip, read back uncompressed. */
class KernelModulesTest {

    @TempDir
    Path modules;

    @Test
    void compressedModulesAreFoundAndReadUncompressed() throws IOException {
        write("kernel/drivers/virtio/virtio.ko", "plain virtio".getBytes(StandardCharsets.UTF_8));
        try (OutputStream xz = new XZOutputStream(Files.newOutputStream(
                directory("kernel/drivers/net/virtio_net.ko.xz")), new LZMA2Options())) {
            xz.write("virtio_net from xz".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(
                directory("kernel/drivers/acpi/button.ko.gz")))) {
            gz.write("button from gzip".getBytes(StandardCharsets.UTF_8));
        }

        var found = new KernelModules(modules).locate("web.yml", List.of("virtio", "virtio_net", "button"));

        assertThat(found).containsOnlyKeys("virtio", "virtio_net", "button");
        assertThat(new String(KernelModules.contents(found.get("virtio")), StandardCharsets.UTF_8))
                .isEqualTo("plain virtio");
        assertThat(new String(KernelModules.contents(found.get("virtio_net")), StandardCharsets.UTF_8))
                .isEqualTo("virtio_net from xz");
        assertThat(new String(KernelModules.contents(found.get("button")), StandardCharsets.UTF_8))
                .isEqualTo("button from gzip");
    }

    @Test
    void aPlainModuleIsPreferredToACompressedCopy() throws IOException {
        write("a/evdev.ko", "plain".getBytes(StandardCharsets.UTF_8));
        write("b/evdev.ko.xz", new byte[] {1, 2, 3});

        assertThat(new KernelModules(modules).locate("web.yml", List.of("evdev")).get("evdev"))
                .hasFileName("evdev.ko");
    }

    @Test
    void aMissingModuleNamesTheDirectorySearched() {
        assertThatThrownBy(() -> new KernelModules(modules).locate("web.yml", List.of("e1000e")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("web.yml: kernel module 'e1000e' not found under " + modules);
    }

    private Path directory(String relativePath) throws IOException {
        Path file = modules.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return file;
    }

    private void write(String relativePath, byte[] contents) throws IOException {
        Files.write(directory(relativePath), contents);
    }
}
