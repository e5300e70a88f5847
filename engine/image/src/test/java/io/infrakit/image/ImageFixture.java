package io.infrakit.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;

/** A fake kernel, busybox and module tree in a temporary directory, and helpers to write specs and read initrds. */
final class ImageFixture {

    static final Instant BUILT_AT = Instant.parse("2026-01-02T03:04:05Z");

    final Path root;
    final Path specDir;
    final Path modulesDir;
    final Path imagesDir;
    final Path busybox;

    ImageFixture(Path root) throws IOException {
        this.root = root;
        this.specDir = Files.createDirectories(root.resolve("spec"));
        this.modulesDir = Files.createDirectories(root.resolve("lib/modules/6.1.0-test-amd64"));
        this.imagesDir = root.resolve("images");
        this.busybox = Files.writeString(root.resolve("busybox"), "fake busybox");
        Files.writeString(specDir.resolve("vmlinuz"), "fake kernel");
        for (String module : List.of("virtio_ring", "virtio", "virtio_pci", "virtio_net")) {
            addModule("kernel/drivers/virtio/" + module + ".ko", "fake " + module);
        }
        addModule("kernel/drivers/net/ethernet/intel/e1000/e1000.ko", "fake e1000");
    }

    /** Replaces the fake kernel with a fake bzImage whose xz payload is a PVH-bootable ELF file; returns that file. */
    byte[] useKernelWithPvhVmlinux() throws IOException {
        byte[] vmlinux = FakeKernel.vmlinux(true);
        Files.write(specDir.resolve("vmlinuz"), FakeKernel.bzImage(vmlinux));
        return vmlinux;
    }

    void addModule(String relativePath, String contents) throws IOException {
        Path file = modulesDir.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, contents);
    }

    Path spec(String yaml) throws IOException {
        return Files.writeString(specDir.resolve("image.yml"), yaml.replace("BUSYBOX", busybox.toString()));
    }

    /** A spec using every section; {@code key} goes into root's authorized_keys. */
    Path fullSpec(String key) throws IOException {
        Files.createDirectories(specDir.resolve("www"));
        Files.writeString(specDir.resolve("www/index.html"), "<h1>hello</h1>\n");
        return spec("""
                kernel:
                  path: vmlinuz
                  cmdline: "console=ttyS0 quiet panic=-1"
                modules: [virtio_ring, virtio, virtio_pci, virtio_net]
                onboot:
                  - echo onboot
                init:
                  - mkdir -p /www
                services:
                  - name: httpd
                    command: httpd -f -p 80 -h /www
                files:
                  - path: /root/.ssh/authorized_keys
                    contents: "%s"
                    mode: "0600"
                  - path: /www/index.html
                    source: www/index.html
                busybox: BUSYBOX
                """.formatted(key));
    }

    ImageBuilder builder() {
        return new ImageBuilder(imagesDir, modulesDir, Clock.fixed(BUILT_AT, ZoneOffset.UTC));
    }

    /** A builder that finds its external tools only where {@code tools} says. */
    ImageBuilder builder(HostTools tools) {
        return new ImageBuilder(imagesDir, modulesDir, Clock.fixed(BUILT_AT, ZoneOffset.UTC), tools);
    }

    record CpioFile(String name, long mode, long mtime, long uid, long gid, String content) {
    }

    static List<CpioFile> readInitrd(Path initrd) {
        List<CpioFile> files = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(initrd));
             CpioArchiveInputStream cpio = new CpioArchiveInputStream(in)) {
            for (CpioArchiveEntry e = cpio.getNextEntry(); e != null; e = cpio.getNextEntry()) {
                String content = new String(cpio.readAllBytes(), StandardCharsets.UTF_8);
                files.add(new CpioFile(e.getName(), e.getMode(), e.getTime(), e.getUID(), e.getGID(), content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
