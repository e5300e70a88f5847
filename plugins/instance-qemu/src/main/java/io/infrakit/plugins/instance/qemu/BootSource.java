package io.infrakit.plugins.instance.qemu;

import java.nio.file.Path;
import java.util.Objects;

/** What a VM boots: a kernel and initrd directly, a qcow2 disk (each VM writing to its own overlay), or an ISO. */
sealed interface BootSource {

    record Kernel(Path kernel, Path initrd) implements BootSource {
        public Kernel {
            Objects.requireNonNull(kernel, "kernel");
            Objects.requireNonNull(initrd, "initrd");
        }
    }

    /** A qcow2 image shared read-only by every VM of it; each VM's writes go to its own overlay file. */
    record Disk(Path base) implements BootSource {
        public Disk {
            Objects.requireNonNull(base, "base");
        }
    }

    record Cdrom(Path iso) implements BootSource {
        public Cdrom {
            Objects.requireNonNull(iso, "iso");
        }
    }
}
