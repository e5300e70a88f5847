package io.infrakit.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What goes into a bootable image: a kernel with its command line, the kernel modules to load (in order), the
 * shell lines {@code /init} runs, background services and extra files; and the disk formats to make of it besides
 * the kernel and initrd. Paths are already resolved against the spec file's directory.
 */
public record ImageSpec(
        Path specFile,
        KernelSpec kernel,
        List<String> modules,
        List<String> onboot,
        List<String> init,
        List<ServiceSpec> services,
        List<FileSpec> files,
        Path busybox,
        List<DiskFormat> formats) {

    public static final Path DEFAULT_BUSYBOX = Path.of("/bin/busybox");

    public ImageSpec {
        Objects.requireNonNull(specFile, "specFile");
        Objects.requireNonNull(kernel, "kernel");
        modules = List.copyOf(modules);
        onboot = List.copyOf(onboot);
        init = List.copyOf(init);
        services = List.copyOf(services);
        files = List.copyOf(files);
        Objects.requireNonNull(busybox, "busybox");
        formats = List.copyOf(formats);
    }

    public record KernelSpec(Path path, String cmdline) {
        public KernelSpec {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(cmdline, "cmdline");
        }
    }

    /** A long-running command that {@code /init} starts in the background, logging to /var/log/NAME.log. */
    public record ServiceSpec(String name, String command) {
        public ServiceSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(command, "command");
        }
    }

    /** A file placed in the image at an absolute {@code path}, with a permission {@code mode} such as 0600. */
    public record FileSpec(String path, FileSource source, int mode) {
        public FileSpec {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(source, "source");
        }
    }

    public sealed interface FileSource permits InlineContents, TreeFile {
    }

    public record InlineContents(String text) implements FileSource {
        public InlineContents {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A file from the spec's own directory tree (already checked to lie inside it). */
    public record TreeFile(Path path) implements FileSource {
        public TreeFile {
            Objects.requireNonNull(path, "path");
        }
    }
}
