package io.infrakit.image;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@code image.json} of a built image: a summary for people and for {@code image ls}. It is not part of the
 * content hash, so the creation time may differ between two builds of the same image.
 */
public record ImageManifest(
        String hash,
        Instant created,
        String spec,
        String kernelSource,
        String cmdline,
        List<String> modules,
        List<String> services,
        List<String> files,
        long kernelSize,
        long initrdSize) {

    public ImageManifest {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(kernelSource, "kernelSource");
        Objects.requireNonNull(cmdline, "cmdline");
        modules = List.copyOf(modules);
        services = List.copyOf(services);
        files = List.copyOf(files);
    }
}
