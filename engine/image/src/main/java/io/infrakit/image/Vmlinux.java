package io.infrakit.image;

import org.tukaani.xz.SingleXZInputStream;
import org.tukaani.xz.XZIOException;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The uncompressed kernel inside a bzImage whose payload is xz-compressed (as Debian's is). QEMU boots that ELF file
 * through its PVH entry ({@code -kernel vmlinux}), which skips the decompression that is slow under TCG.
 */
final class Vmlinux {

    private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ELF_MAGIC = {0x7F, 'E', 'L', 'F'};
    /** In KiB. Kernels are compressed with a 32 MiB dictionary; this bounds what a corrupt header can ask for. */
    private static final int DECODER_MEMORY_LIMIT_KIB = 256 * 1024;

    private Vmlinux() {
    }

    /**
     * Writes the kernel's vmlinux to {@code target} and returns true, or returns false (writing nothing) when the
     * kernel has no xz payload holding an ELF file with a PVH entry, so that QEMU could not boot it that way.
     */
    static boolean extract(Path bzImage, Path target) throws IOException {
        byte[] kernel = Files.readAllBytes(bzImage);
        // The magic may also occur by chance before the payload; a false start fails the stream header's CRC at once.
        for (int at = indexOf(kernel, XZ_MAGIC, 0); at >= 0; at = indexOf(kernel, XZ_MAGIC, at + 1)) {
            if (decompressElf(kernel, at, target)) {
                if (PvhEntryNote.isPresentIn(target)) {
                    return true;
                }
                Files.delete(target);
                return false;
            }
        }
        return false;
    }

    /** Decompresses the one xz stream at {@code offset} into {@code target} if it is a valid stream of an ELF file. */
    private static boolean decompressElf(byte[] kernel, int offset, Path target) throws IOException {
        InputStream compressed = new ByteArrayInputStream(kernel, offset, kernel.length - offset);
        // A single-stream decoder stops at the stream's footer: whatever the bzImage has after it is not read.
        try (InputStream xz = new SingleXZInputStream(compressed, DECODER_MEMORY_LIMIT_KIB)) {
            byte[] magic = xz.readNBytes(ELF_MAGIC.length);
            if (!Arrays.equals(magic, ELF_MAGIC)) {
                return false;
            }
            try (OutputStream out = Files.newOutputStream(target)) {
                out.write(magic);
                xz.transferTo(out);
            }
            return true;
        } catch (XZIOException | EOFException notAnXzStream) {
            Files.deleteIfExists(target);
            return false;
        }
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
