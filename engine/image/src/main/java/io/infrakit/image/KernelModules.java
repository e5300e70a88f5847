package io.infrakit.image;

import io.infrakit.spi.InvalidSpecException;

import org.tukaani.xz.XZInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Finds kernel module files ({@code NAME.ko}, or compressed {@code NAME.ko.xz} / {@code NAME.ko.gz} as newer
 * distributions ship them) anywhere below a modules directory such as lib/modules/6.1.0-56-amd64, and reads them
 * uncompressed, since busybox's insmod loads plain modules only.
 */
public final class KernelModules {

    /** In order of preference: a plain module needs no decompression. */
    private static final List<String> SUFFIXES = List.of(".ko", ".ko.xz", ".ko.gz");
    private static final int XZ_MEMORY_LIMIT_KIB = 64 * 1024;

    private final Path modulesDir;

    public KernelModules(Path modulesDir) {
        this.modulesDir = modulesDir;
    }

    /** The module files in the order given, which is the order /init loads them in. */
    public Map<String, Path> locate(String specName, List<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, Path> byFileName = indexModuleFiles(specName);
        Map<String, Path> found = new LinkedHashMap<>();
        for (String name : names) {
            Path file = SUFFIXES.stream().map(suffix -> byFileName.get(name + suffix)).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            if (file == null) {
                throw new InvalidSpecException(specName + ": kernel module '" + name + "' not found under " + modulesDir);
            }
            found.put(name, file);
        }
        return found;
    }

    /** The module's bytes as insmod loads them: decompressed when the file is {@code .ko.xz} or {@code .ko.gz}. */
    public static byte[] contents(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".ko.xz")) {
            try (InputStream in = new XZInputStream(Files.newInputStream(file), XZ_MEMORY_LIMIT_KIB)) {
                return in.readAllBytes();
            }
        }
        if (name.endsWith(".ko.gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(file);
    }

    private Map<String, Path> indexModuleFiles(String specName) {
        if (!Files.isDirectory(modulesDir)) {
            throw new InvalidSpecException(specName + ": the kernel modules directory " + modulesDir + " does not exist");
        }
        Map<String, Path> byFileName = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(modulesDir)) {
            // Sorted so that, should two directories hold the same name, the choice does not depend on the file system.
            files.filter(f -> SUFFIXES.stream().anyMatch(f.getFileName().toString()::endsWith) && Files.isRegularFile(f))
                    .sorted()
                    .forEach(f -> byFileName.putIfAbsent(f.getFileName().toString(), f));
        } catch (IOException e) {
            throw new ImageBuildException("cannot list kernel modules under " + modulesDir + ": " + e.getMessage(), e);
        }
        return byFileName;
    }
}
