package io.infrakit.playbooks.registry;

import io.infrakit.common.OwnerOnly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lets one change to the registry happen at a time, across processes and threads: two {@code playbook add}s run
 * side by side would otherwise each write the lock file from what they read, and one pin would be lost.
 */
final class RegistryLock {

    // a FileLock is held per JVM, so threads of this one queue here first
    private static final Object THIS_JVM = new Object();

    private final Path file;

    RegistryLock(Path file) {
        this.file = file;
    }

    <T> T holding(Supplier<T> change) {
        synchronized (THIS_JVM) {
            try {
                OwnerOnly.createDirectories(file.getParent());
                try (FileChannel channel = FileChannel.open(file,
                        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OwnerOnly.file())) {
                    channel.lock(); // released when the channel closes
                    return change.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
