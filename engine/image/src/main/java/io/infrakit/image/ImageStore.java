package io.infrakit.image;

import io.infrakit.spi.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The images built under an images directory (usually {@code $INFRAKIT_HOME/images}). */
public final class ImageStore {

    private final Path imagesDir;

    public ImageStore(Path imagesDir) {
        this.imagesDir = imagesDir;
    }

    /** Every complete image, oldest first; half-written staging directories (dot names) are skipped. */
    public List<ImageManifest> list() {
        if (!Files.isDirectory(imagesDir)) {
            return List.of();
        }
        List<ImageManifest> images = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(imagesDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                if (!dir.getFileName().toString().startsWith(".")) {
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
        return hash.matches("[0-9a-f]+") && Files.isRegularFile(dir.resolve(ImageFiles.MANIFEST))
                ? Optional.of(BuiltImage.in(dir))
                : Optional.empty();
    }

    private static Optional<ImageManifest> readManifest(Path dir) throws IOException {
        Path manifest = dir.resolve(ImageFiles.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        return Optional.of(Json.mapper().readValue(manifest.toFile(), ImageManifest.class));
    }
}
