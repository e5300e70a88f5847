package io.infrakit.image;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the builder finds the programs it runs for the disk formats: the directories of {@code PATH}, and the
 * directory of GRUB's BIOS modules, without which grub-mkrescue makes an ISO that no BIOS boots.
 */
record HostTools(List<Path> searchPath, Path grubBiosModules) {

    static final String GRUB_PACKAGES = "grub-pc-bin, grub-common, xorriso and mtools";
    static final String QEMU_IMG_PACKAGES = "qemu-utils";

    HostTools {
        searchPath = List.copyOf(searchPath);
    }

    static HostTools ofThisMachine() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/sbin:/usr/bin:/sbin:/bin");
        return new HostTools(Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(Path::of).toList(),
                Path.of("/usr/lib/grub/i386-pc"));
    }

    /** The executable named {@code command}, or a one-line error naming the packages to install. */
    Path require(String imageName, String command, String packages) {
        return searchPath.stream().map(directory -> directory.resolve(command))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst()
                .orElseThrow(() -> notInstalled(imageName, command + " not found", packages));
    }

    void requireGrubBiosModules(String imageName) {
        if (!Files.isDirectory(grubBiosModules)) {
            throw notInstalled(imageName, "GRUB's BIOS modules (" + grubBiosModules + ") not found", GRUB_PACKAGES);
        }
    }

    private static ImageBuildException notInstalled(String imageName, String what, String packages) {
        return new ImageBuildException("image " + imageName + ": " + what + "; install " + packages);
    }
}
