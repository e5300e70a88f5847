package io.infrakit.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static Optional<ImageManifest> readManifest(Path dir) throws IOException {
        Path manifest = dir.resolve(ImageFiles.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        return Optional.of(ImageManifest.read(manifest).withFormats(BuiltImage.in(dir).formats()));
    }
}
