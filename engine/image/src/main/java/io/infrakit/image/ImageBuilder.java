package io.infrakit.image;

import io.infrakit.image.ImageSpec.FileSpec;
import io.infrakit.image.ImageSpec.ServiceSpec;
import io.infrakit.spi.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds an image spec into a kernel + initramfs pair under {@code <imagesDir>/<hash>/}. The directory appears
 * whole or not at all (it is assembled beside it and moved in), and an image already there is not written again.
 */
public final class ImageBuilder {

    private final Path imagesDir;
    private final KernelModules modules;
    private final Clock clock;

    public ImageBuilder(Path imagesDir, Path modulesDir, Clock clock) {
        this.imagesDir = imagesDir;
        this.modules = new KernelModules(modulesDir);
        this.clock = clock;
    }

    public BuiltImage build(Path specFile) {
        return build(specFile, Map.of());
    }

    public BuiltImage build(Path specFile, Map<String, String> vars) {
        ImageSpec spec = ImageSpecParser.parse(specFile, vars);
        Map<String, Path> moduleFiles = modules.locate(specFile.toString(), spec.modules());
        byte[] initrd = Initramfs.write(InitramfsLayout.entries(spec, moduleFiles));
        try {
            String hash = ImageHash.of(spec.kernel().path(), initrd, spec.kernel().cmdline());
            Path directory = imagesDir.resolve(hash);
            if (!Files.isDirectory(directory)) {
                writeAtomically(directory, spec, initrd, hash);
            }
            return BuiltImage.in(directory);
        } catch (IOException e) {
            throw new ImageBuildException("cannot store the image of " + specFile + " under " + imagesDir + ": "
                    + e.getMessage(), e);
        }
    }

    private void writeAtomically(Path directory, ImageSpec spec, byte[] initrd, String hash) throws IOException {
        Files.createDirectories(imagesDir);
        Path staging = Files.createTempDirectory(imagesDir, "." + hash + "-");
        try {
            Files.copy(spec.kernel().path(), staging.resolve(ImageFiles.KERNEL));
            Files.write(staging.resolve(ImageFiles.INITRD), initrd);
            Files.writeString(staging.resolve(ImageFiles.CMDLINE), spec.kernel().cmdline() + "\n");
            ImageManifest manifest = manifest(spec, hash, initrd.length);
            Files.writeString(staging.resolve(ImageFiles.MANIFEST), Json.write(manifest), StandardCharsets.UTF_8);
            try {
                Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // Another build of the same content got there first; its files are the same as ours.
            } catch (IOException e) {
                if (!Files.isDirectory(directory)) {
                    throw e;
                }
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    private ImageManifest manifest(ImageSpec spec, String hash, long initrdSize) throws IOException {
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
                initrdSize);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        }
    }
}
