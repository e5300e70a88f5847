package io.infrakit.image;

import io.infrakit.spi.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@code image.json} of a built image: a summary for people and for {@code image ls}. It is not part of the
 * content hash, so the creation time may differ between two builds of the same image. {@code formats} lists what
 * the image can boot from (see {@link BuiltImage#formats()}).
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
        long initrdSize,
        List<String> formats) {

    public ImageManifest {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(kernelSource, "kernelSource");
        Objects.requireNonNull(cmdline, "cmdline");
        modules = List.copyOf(modules);
        services = List.copyOf(services);
        files = List.copyOf(files);
        // image.json files written before formats were recorded have none.
        formats = formats == null ? List.of() : List.copyOf(formats);
    }

    public ImageManifest withFormats(List<String> newFormats) {
        return new ImageManifest(hash, created, spec, kernelSource, cmdline, modules, services, files, kernelSize,
                initrdSize, newFormats);
    }

    static ImageManifest read(Path file) throws IOException {
        return Json.mapper().readValue(file.toFile(), ImageManifest.class);
    }
}
