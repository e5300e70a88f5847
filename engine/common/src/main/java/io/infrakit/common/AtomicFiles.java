package io.infrakit.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes a file so that a crash leaves either the old content or the new, never a torn file. The temporary file
 * starts with a dot, so directory listings that look for plain names never see a half-written one; a writer killed
 * mid-write leaves it behind, and {@link #removeLeftovers} removes it. The file is its owner's alone (0600, as every
 * temporary file is made), and so is any directory made for it (0700).
 */
public final class AtomicFiles {

    private static final String TEMP_SUFFIX = ".tmp";
    /** {@code .<target name><random digits>.tmp}, as {@link #write} names them. */
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\d+" + Pattern.quote(TEMP_SUFFIX));

    /** How far a write must have gone before it returns. */
    public enum Durability {
        /** On disk: survives a power loss (fsync of the file and of its directory). What users commit. */
        SYNCED,
        /** Atomic against a crash of this process, but a power loss may lose the latest write. Cheap. */
        PROCESS_CRASH_SAFE
    }

    private AtomicFiles() {
    }

    public static BasicFileAttributes write(Path target, byte[] content) {
        return write(target, content, Durability.SYNCED);
    }

    /**
     * Returns the written file's attributes, read before the rename: they are the new file's (its inode, time and
     * size) even if another writer replaces the target right after.
     */
    public static BasicFileAttributes write(Path target, byte[] content, Durability durability) {
        boolean sync = durability == Durability.SYNCED;
        Path dir = target.toAbsolutePath().getParent();
        try {
            Path temp = dir.resolve("." + target.getFileName() + Long.toUnsignedString(
                    ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
            BasicFileAttributes written;
            try {
                try (FileChannel channel = openNew(temp)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    if (sync) {
                        channel.force(true);
                    }
                }
                written = Files.readAttributes(temp, BasicFileAttributes.class);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            if (sync) {
                syncDirectory(dir);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the temporary file, owner-only from the start; its directory is made only when missing, so a write
     * into an existing directory costs no more system calls than the write itself. The name is random, and
     * {@code CREATE_NEW} refuses a file that already exists, so no two writers share one.
     */
    private static FileChannel openNew(Path temp) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(temp, options, OwnerOnly.file());
        } catch (NoSuchFileException e) {
            OwnerOnly.createDirectories(temp.getParent());
            return FileChannel.open(temp, options, OwnerOnly.file());
        }
    }

    /**
     * Removes the temporary files that writers killed mid-write left in {@code dir} (not below it), and returns how
     * many. Call it only where no one else can be writing there: when the directory's owner starts, under its lock.
     */
    public static int removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                if (TEMP_NAME.matcher(temp.getFileName().toString()).matches()
                        && Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(temp)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove half-written files in " + dir + ": " + e.getMessage(), e);
        }
        return removed;
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename itself durable; some file systems refuse to open a directory, which is harmless.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // nothing more we can do for durability here
        }
    }
}
