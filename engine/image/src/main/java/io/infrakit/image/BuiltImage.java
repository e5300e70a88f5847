package io.infrakit.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A built image: its content hash and its files, all inside {@code directory} ({@code <images>/<hash>/}). Every
 * image has a kernel (as given, a bzImage) and an initrd; {@code vmlinux} is that kernel uncompressed, for QEMU's
 * faster PVH boot, when the kernel allows it; {@code iso} and {@code qcow2} are there when a spec asked for them.
 */
public record BuiltImage(String hash, Path kernel, Path initrd, Path directory, Optional<Path> vmlinux,
                         Optional<Path> iso, Optional<Path> qcow2) {

    /** The format name of the kernel + initrd pair, which every image has. */
    public static final String KERNEL_FORMAT = "kernel";
    public static final String VMLINUX_FORMAT = "vmlinux";

    public BuiltImage {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(initrd, "initrd");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(vmlinux, "vmlinux");
        Objects.requireNonNull(iso, "iso");
        Objects.requireNonNull(qcow2, "qcow2");
    }

    /** The kernel command line the image was built with. */
    public String cmdline() {
        Path file = directory.resolve(ImageFiles.CMDLINE);
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new ImageBuildException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** What the image can be booted from: "kernel", then "vmlinux", "iso" and "qcow2" where present. */
    public List<String> formats() {
        List<String> formats = new ArrayList<>(List.of(KERNEL_FORMAT));
        vmlinux.ifPresent(file -> formats.add(VMLINUX_FORMAT));
        iso.ifPresent(file -> formats.add(DiskFormat.ISO.specName()));
        qcow2.ifPresent(file -> formats.add(DiskFormat.QCOW2.specName()));
        return List.copyOf(formats);
    }

    static BuiltImage in(Path directory) {
        return new BuiltImage(directory.getFileName().toString(), directory.resolve(ImageFiles.KERNEL),
                directory.resolve(ImageFiles.INITRD), directory, present(directory.resolve(ImageFiles.VMLINUX)),
                present(directory.resolve(DiskFormat.ISO.fileName())),
                present(directory.resolve(DiskFormat.QCOW2.fileName())));
    }

    private static Optional<Path> present(Path file) {
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
