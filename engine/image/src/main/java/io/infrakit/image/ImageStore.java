package io.infrakit.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The images built under an images directory (usually {@code $INFRAKIT_HOME/images}). */
public final class ImageStore {

    private static final Pattern IMAGE_DIRECTORY_NAME = Pattern.compile("[0-9a-f]{" + ImageHash.LENGTH + "}");

    private final Path imagesDir;

    public ImageStore(Path imagesDir) {
        this.imagesDir = imagesDir;
    }

    /**
     * Every complete image, oldest first, with the formats its directory holds now. Only directories named by a
     * hash are images: staging directories (dot names) and the shared {@code kernels} directory are not.
     */
    public List<ImageManifest> list() {
        if (!Files.isDirectory(imagesDir)) {
            return List.of();
        }
        List<ImageManifest> images = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(imagesDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                if (IMAGE_DIRECTORY_NAME.matcher(dir.getFileName().toString()).matches()) {
                    readManifest(dir).ifPresent(images::add);
                }
            }
        } catch (IOException e) {
            throw new ImageBuildException("cannot list images in " + imagesDir + ": " + e.getMessage(), e);
        }
        images.sort(Comparator.comparing(ImageManifest::created).thenComparing(ImageManifest::hash));
        return images;
    }

    public Optional<BuiltImage> find(String hash) {
        Path dir = imagesDir.resolve(hash);
        return IMAGE_DIRECTORY_NAME.matcher(hash).matches() && Files.isRegularFile(dir.resolve(ImageFiles.MANIFEST))
                ? Optional.of(BuiltImage.in(dir))
                : Optional.empty();
    }

    /**
     * Deletes an image, then each shared kernel no image links any more; returns the bytes that freed (a file still
     * linked from elsewhere frees nothing). The directory is first renamed to a staging name, so a listing never
     * shows half an image, and a build of the same image afterwards makes it afresh.
     */
    public long remove(String hash) {
        Path dir = imagesDir.resolve(hash);
        if (find(hash).isEmpty()) {
            throw new ImageBuildException("no image " + hash + " in " + imagesDir);
        }
        try {
            Path staging = StagedFiles.stagingName(imagesDir, hash);
            Files.move(dir, staging, StandardCopyOption.ATOMIC_MOVE);
            return deleteCounting(staging) + removeUnlinkedKernels();
        } catch (IOException e) {
            throw new ImageBuildException("cannot remove image " + hash + ": " + e.getMessage(), e);
        }
    }

    /** The bytes an image's removal would free now: its files that nothing else links. */
    public long size(String hash) {
        try {
            return unlinkedBytes(imagesDir.resolve(hash));
        } catch (IOException e) {
            throw new ImageBuildException("cannot measure image " + hash + ": " + e.getMessage(), e);
        }
    }

    private long removeUnlinkedKernels() throws IOException {
        Path kernels = imagesDir.resolve(SharedKernels.DIRECTORY);
        if (!Files.isDirectory(kernels)) {
            return 0;
        }
        long freed = 0;
        try (Stream<Path> dirs = Files.list(kernels)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path vmlinuz = dir.resolve(SharedKernels.VMLINUZ);
                if (!dir.getFileName().toString().startsWith(".") && Files.isRegularFile(vmlinuz)
                        && links(vmlinuz) == 1) {
                    freed += deleteCounting(dir);
                }
            }
        }
        return freed;
    }

    private static long deleteCounting(Path dir) throws IOException {
        long freed = unlinkedBytes(dir);
        StagedFiles.deleteRecursively(dir);
        return freed;
    }

    private static long unlinkedBytes(Path dir) throws IOException {
        long bytes = 0;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                if (links(file) == 1) {
                    bytes += Files.size(file);
                }
            }
        }
        return bytes;
    }

    private static int links(Path file) throws IOException {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    private static Optional<ImageManifest> readManifest(Path dir) throws IOException {
        Path manifest = dir.resolve(ImageFiles.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        return Optional.of(ImageManifest.read(manifest).withFormats(BuiltImage.in(dir).formats()));
    }
}
