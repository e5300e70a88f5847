package io.infrakit.image;

/** The names of the files in an image's directory. */
final class ImageFiles {

    static final String KERNEL = "kernel";
    static final String VMLINUX = "vmlinux";
    static final String INITRD = "initrd.img";
    static final String CMDLINE = "cmdline";
    static final String MANIFEST = "image.json";

    private ImageFiles() {
    }
}
