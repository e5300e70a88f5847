package io.infrakit.image;

import java.util.Arrays;
import java.util.Optional;

/** The bootable disk images a spec may ask for ({@code formats:}), besides the kernel and initrd it always gets. */
public enum DiskFormat {

    /** A hybrid BIOS ISO made by grub-mkrescue: boots as a CD-ROM ({@code -cdrom}) and as a disk. */
    ISO("iso", "image.iso"),
    /** That ISO converted by qemu-img, to boot as a virtio disk and to back copy-on-write overlays. */
    QCOW2("qcow2", "disk.qcow2");

    private final String specName;
    private final String fileName;

    DiskFormat(String specName, String fileName) {
        this.specName = specName;
        this.fileName = fileName;
    }

    /** The name in a spec's {@code formats:} list and in image.json. */
    public String specName() {
        return specName;
    }

    /** The file's name in the image's directory. */
    public String fileName() {
        return fileName;
    }

    public static Optional<DiskFormat> bySpecName(String name) {
        return Arrays.stream(values()).filter(format -> format.specName.equals(name)).findFirst();
    }
}
