package io.infrakit.image;

import io.infrakit.spi.InvalidSpecException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds kernel module files ({@code NAME.ko}, anywhere below a modules directory such as lib/modules/6.1.0-56-amd64). */
public final class KernelModules {

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
            Path file = byFileName.get(name + ".ko");
            if (file == null) {
                throw new InvalidSpecException(specName + ": kernel module '" + name + "' not found under " + modulesDir);
            }
            found.put(name, file);
        }
        return found;
    }

    private Map<String, Path> indexModuleFiles(String specName) {
        if (!Files.isDirectory(modulesDir)) {
            throw new InvalidSpecException(specName + ": the kernel modules directory " + modulesDir + " does not exist");
        }
        Map<String, Path> byFileName = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(modulesDir)) {
            // Sorted so that, should two directories hold the same name, the choice does not depend on the file system.
            files.filter(f -> f.getFileName().toString().endsWith(".ko") && Files.isRegularFile(f))
                    .sorted()
                    .forEach(f -> byFileName.putIfAbsent(f.getFileName().toString(), f));
        } catch (IOException e) {
            throw new ImageBuildException("cannot list kernel modules under " + modulesDir + ": " + e.getMessage(), e);
        }
        return byFileName;
    }
}
