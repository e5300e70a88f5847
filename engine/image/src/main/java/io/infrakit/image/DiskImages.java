package io.infrakit.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Adds the disk formats a spec asks for to an image's directory. Each file appears whole or not at all, and a format
 * already there is kept, so an image built before a spec asked for a format gets it on the next build.
 */
final class DiskImages {

    private final HostTools tools;

    DiskImages(HostTools tools) {
        this.tools = tools;
    }

    void addMissing(ImageSpec spec, Path directory) throws IOException {
        List<DiskFormat> missing = spec.formats().stream()
                .filter(format -> !Files.exists(directory.resolve(format.fileName())))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        String imageName = spec.specFile().toString();
        if (missing.contains(DiskFormat.QCOW2)) {
            // Checked before the ISO is made, so a missing qemu-img costs no wasted work.
            tools.require(imageName, "qemu-img", HostTools.QEMU_IMG_PACKAGES);
        }
        Path iso = directory.resolve(DiskFormat.ISO.fileName());
        if (missing.contains(DiskFormat.ISO)) {
            StagedFiles.writeIntoPlace(iso, file -> writeIso(imageName, spec, directory, file));
        }
        if (missing.contains(DiskFormat.QCOW2)) {
            StagedFiles.writeIntoPlace(directory.resolve(DiskFormat.QCOW2.fileName()),
                    file -> writeQcow2(imageName, spec, directory, iso, file));
        }
    }

    private void writeIso(String imageName, ImageSpec spec, Path directory, Path target) throws IOException {
        BootableIso.write(imageName, tools, directory.resolve(ImageFiles.KERNEL), directory.resolve(ImageFiles.INITRD),
                spec.kernel().cmdline(), target);
    }

    /** From the image's ISO; one made only for the conversion when the spec did not ask for the ISO itself. */
    private void writeQcow2(String imageName, ImageSpec spec, Path directory, Path iso, Path target)
            throws IOException {
        if (Files.exists(iso)) {
            Qcow2Disk.convert(imageName, tools, iso, target);
            return;
        }
        Path scratchIso = StagedFiles.stagingName(directory, "for-qcow2.iso");
        try {
            writeIso(imageName, spec, directory, scratchIso);
            Qcow2Disk.convert(imageName, tools, scratchIso, target);
        } finally {
            Files.deleteIfExists(scratchIso);
        }
    }
}
