package io.infrakit.image;

import java.nio.file.Path;
import java.util.Objects;

/** A built image: its content hash and its files, all inside {@code directory} ({@code <images>/<hash>/}). */
public record BuiltImage(String hash, Path kernel, Path initrd, Path directory) {

    public BuiltImage {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(initrd, "initrd");
        Objects.requireNonNull(directory, "directory");
    }

    static BuiltImage in(Path directory) {
        return new BuiltImage(directory.getFileName().toString(), directory.resolve(ImageFiles.KERNEL),
                directory.resolve(ImageFiles.INITRD), directory);
    }
}
