package io.infrakit.image;

import io.infrakit.image.ImageSpec.FileSpec;
import io.infrakit.image.ImageSpec.ServiceSpec;
import io.infrakit.image.SharedKernels.SharedKernel;
import io.infrakit.spi.Json;
import io.infrakit.common.OwnerOnly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Builds an image spec into a kernel + initramfs pair under {@code <imagesDir>/<hash>/}, with the kernel's PVH vmlinux
 * where it has one and the disk formats the spec asks for. The directory appears whole or not at all (it is assembled
 * beside it and moved in), and an image already there is not written again; only formats it lacks are added.
 */
public final class ImageBuilder {

    private final Path imagesDir;
    private final KernelModules modules;
    private final Clock clock;
    private final SharedKernels kernels;
    private final DiskImages diskImages;

    public ImageBuilder(Path imagesDir, Path modulesDir, Clock clock) {
        this(imagesDir, modulesDir, clock, HostTools.ofThisMachine());
    }

    ImageBuilder(Path imagesDir, Path modulesDir, Clock clock, HostTools tools) {
        this.imagesDir = imagesDir;
        this.modules = new KernelModules(modulesDir);
        this.clock = clock;
        this.kernels = new SharedKernels(imagesDir);
        this.diskImages = new DiskImages(tools);
    }

    public BuiltImage build(Path specFile) {
        return build(specFile, Map.of());
    }

    public BuiltImage build(Path specFile, Map<String, String> vars) {
        return build(ImageSpecParser.parse(specFile, vars));
    }

    /** Builds a spec already parsed (and checked by whoever asked for it). */
    public BuiltImage build(ImageSpec spec) {
        Path specFile = spec.specFile();
        Map<String, Path> moduleFiles = modules.locate(specFile.toString(), spec.modules());
        byte[] initrd = Initramfs.write(InitramfsLayout.entries(spec, moduleFiles));
        try {
            String hash = ImageHash.of(spec.kernel().path(), initrd, spec.kernel().cmdline());
            Path directory = imagesDir.resolve(hash);
            if (!Files.isDirectory(directory)) {
                writeAtomically(directory, spec, initrd, hash);
            } else if (!Files.exists(directory.resolve(ImageFiles.VMLINUX))) {
                linkVmlinuxIntoPlace(directory, kernels.of(spec.kernel().path()));
            }
            diskImages.addMissing(spec, directory);
            recordFormats(directory);
            return BuiltImage.in(directory);
        } catch (IOException e) {
            throw new ImageBuildException("cannot store the image of " + specFile + " under " + imagesDir + ": "
                    + e.getMessage(), e);
        }
    }

    private void writeAtomically(Path directory, ImageSpec spec, byte[] initrd, String hash) throws IOException {
        SharedKernel kernel = kernels.of(spec.kernel().path());
        OwnerOnly.createDirectories(imagesDir);
        Path staging = Files.createTempDirectory(imagesDir, "." + hash + "-");
        try {
            StagedFiles.linkOrCopy(kernel.vmlinuz(), staging.resolve(ImageFiles.KERNEL));
            if (kernel.vmlinux().isPresent()) {
                StagedFiles.linkOrCopy(kernel.vmlinux().get(), staging.resolve(ImageFiles.VMLINUX));
            }
            Files.write(staging.resolve(ImageFiles.INITRD), initrd);
            Files.writeString(staging.resolve(ImageFiles.CMDLINE), spec.kernel().cmdline() + "\n");
            ImageManifest manifest = manifest(spec, hash, initrd.length, BuiltImage.in(staging).formats());
            Files.writeString(staging.resolve(ImageFiles.MANIFEST), Json.write(manifest), StandardCharsets.UTF_8);
            StagedFiles.moveDirectoryIntoPlace(staging, directory);
        } finally {
            StagedFiles.deleteRecursively(staging);
        }
    }

    /** For an image built before vmlinux files were made, or whose kernel has none. */
    private static void linkVmlinuxIntoPlace(Path directory, SharedKernel kernel) throws IOException {
        if (kernel.vmlinux().isPresent()) {
            Path vmlinux = kernel.vmlinux().get();
            StagedFiles.writeIntoPlace(directory.resolve(ImageFiles.VMLINUX), file -> StagedFiles.linkOrCopy(vmlinux, file));
        }
    }

    /**
     * Brings image.json's formats up to what the directory holds. It looks again after each write: a concurrent build
     * may have added a format after this one looked, and whichever build writes last then sees them all.
     */
    private static void recordFormats(Path directory) throws IOException {
        Path manifestFile = directory.resolve(ImageFiles.MANIFEST);
        while (true) {
            List<String> present = BuiltImage.in(directory).formats();
            ImageManifest manifest = ImageManifest.read(manifestFile);
            if (manifest.formats().equals(present)) {
                return;
            }
            String updated = Json.write(manifest.withFormats(present));
            StagedFiles.writeIntoPlace(manifestFile, file -> Files.writeString(file, updated, StandardCharsets.UTF_8));
        }
    }

    private ImageManifest manifest(ImageSpec spec, String hash, long initrdSize, List<String> formats)
            throws IOException {
        return new ImageManifest(
                hash,
                clock.instant(),
                spec.specFile().toAbsolutePath().normalize().toString(),
                spec.kernel().path().toString(),
                spec.kernel().cmdline(),
                spec.modules(),
                spec.services().stream().map(ServiceSpec::name).toList(),
                spec.files().stream().map(FileSpec::path).toList(),
                Files.size(spec.kernel().path()),
                initrdSize,
                formats);
    }
}
