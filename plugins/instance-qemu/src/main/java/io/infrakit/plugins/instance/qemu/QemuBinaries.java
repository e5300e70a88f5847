package io.infrakit.plugins.instance.qemu;

import java.util.Objects;

/** The programs the plugin runs: the emulator, and qemu-img for the overlay of each VM booting a disk. */
public record QemuBinaries(String emulator, String imageTool) {

    public static final QemuBinaries DEFAULT = new QemuBinaries("qemu-system-x86_64", "qemu-img");

    public QemuBinaries {
        Objects.requireNonNull(emulator, "emulator");
        Objects.requireNonNull(imageTool, "imageTool");
    }
}
