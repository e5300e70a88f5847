package io.infrakit.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** An image's hybrid ISO converted to a qcow2 disk, which boots with {@code -drive file=...,if=virtio -boot c}. */
final class Qcow2Disk {

    private Qcow2Disk() {
    }

    static void convert(String imageName, HostTools tools, Path iso, Path target) throws IOException {
        Path qemuImg = tools.require(imageName, "qemu-img", HostTools.QEMU_IMG_PACKAGES);
        ExternalCommand.run(imageName, List.of(qemuImg.toString(), "convert", "-f", "raw", "-O", "qcow2",
                iso.toString(), target.toString()), BootableIso.TOOL_TIMEOUT, target.getParent());
    }
}
