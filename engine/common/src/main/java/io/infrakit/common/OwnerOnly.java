package io.infrakit.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only their owner can use, with the permissions given when they are made (the umask can
 * only take bits away, so 0700 and 0600 stay so under any umask), never set afterwards: a chmod after the fact
 * leaves a moment in which another user can open them.
 */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    /** rwx------, for a directory being made. */
    public static FileAttribute<Set<PosixFilePermission>> directory() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }

    /** rw-------, for a file being made. */
    public static FileAttribute<Set<PosixFilePermission>> file() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    /** Makes the directory and every missing parent 0700; those that exist are left as they are. */
    public static Path createDirectories(Path directory) throws IOException {
        return Files.createDirectories(directory, directory());
    }
}
