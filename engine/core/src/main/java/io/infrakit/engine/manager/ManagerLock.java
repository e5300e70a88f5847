package io.infrakit.engine.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.common.AtomicFiles;
import io.infrakit.common.OwnerOnly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One manager per home. The OS lock goes away with the process, even after kill -9, so a stale pid file never
 * blocks a new manager; the pid file only tells people (and {@code manager stop}) who holds the lock.
 */
public final class ManagerLock implements AutoCloseable {

    /**
     * Homes locked by this JVM. POSIX drops a process's lock when it closes any descriptor of the file, so a probe
     * from the holder's own JVM must not open the file at all.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final InfrakitHome home;
    private final FileChannel channel;
    private final FileLock lock;

    private ManagerLock(InfrakitHome home, FileChannel channel, FileLock lock) {
        this.home = home;
        this.channel = channel;
        this.lock = lock;
    }

    public static ManagerLock acquire(InfrakitHome home) {
        if (HELD_HERE.contains(home.managerLockFile())) {
            throw new ManagerAlreadyRunningException(home.root().toString(), ProcessHandle.current().pid());
        }
        try {
            OwnerOnly.createDirectories(home.root());
            FileChannel channel = FileChannel.open(home.managerLockFile(),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OwnerOnly.file());
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new ManagerAlreadyRunningException(home.root().toString(), runningPid(home).orElse(-1));
            }
            long pid = ProcessHandle.current().pid();
            AtomicFiles.write(home.managerPidFile(), (pid + "\n").getBytes(StandardCharsets.US_ASCII));
            HELD_HERE.add(home.managerLockFile());
            return new ManagerLock(home, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + home.managerLockFile() + ": " + e.getMessage(), e);
        }
    }

    /** The pid a manager wrote, if its file is there and readable; it may be stale. */
    public static OptionalLong runningPid(InfrakitHome home) {
        try {
            String text = Files.readString(home.managerPidFile()).trim();
            return OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** True when some process holds the lock, i.e. a manager is alive for this home. */
    public static boolean isHeld(InfrakitHome home) {
        if (HELD_HERE.contains(home.managerLockFile())) {
            return true;
        }
        if (!Files.exists(home.managerLockFile())) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(home.managerLockFile(), StandardOpenOption.WRITE)) {
            FileLock probe = tryLock(channel);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(home.managerPidFile());
            lock.release();
            channel.close();
            HELD_HERE.remove(home.managerLockFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
