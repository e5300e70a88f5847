package io.infrakit.image;

import io.infrakit.common.OwnerOnly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One copy of each distinct kernel, under {@code <images>/kernels/<first 16 hex digits of its SHA-256>/}: the kernel
 * file as given ({@code vmlinuz}) and, when it has one, its PVH-bootable {@code vmlinux}. Images hard-link these
 * files, so a hundred images of one kernel hold it once, and the slow extraction runs once per kernel.
 */
final class SharedKernels {

    static final String DIRECTORY = "kernels";
    static final String VMLINUZ = "vmlinuz";
    static final String VMLINUX = "vmlinux";

    private final Path kernelsDir;

    SharedKernels(Path imagesDir) {
        this.kernelsDir = imagesDir.resolve(DIRECTORY);
    }

    /** The shared copy of {@code kernelFile}, made (with its vmlinux extracted) if this is the first image using it. */
    SharedKernel of(Path kernelFile) throws IOException {
        String hash = FileDigest.sha256Prefix(kernelFile, ImageHash.LENGTH);
        Path directory = kernelsDir.resolve(hash);
        if (!Files.isDirectory(directory)) {
            OwnerOnly.createDirectories(kernelsDir);
            Path staging = Files.createTempDirectory(kernelsDir, "." + hash + "-");
            try {
                Files.copy(kernelFile, staging.resolve(VMLINUZ));
                Vmlinux.extract(staging.resolve(VMLINUZ), staging.resolve(VMLINUX));
                StagedFiles.moveDirectoryIntoPlace(staging, directory);
            } finally {
                StagedFiles.deleteRecursively(staging);
            }
        }
        return new SharedKernel(hash, directory);
    }

    record SharedKernel(String hash, Path directory) {

        Path vmlinuz() {
            return directory.resolve(VMLINUZ);
        }

        /** Empty for a kernel without an xz payload or without a PVH entry. */
        Optional<Path> vmlinux() {
            Path vmlinux = directory.resolve(VMLINUX);
            return Files.isRegularFile(vmlinux) ? Optional.of(vmlinux) : Optional.empty();
        }
    }
}
