package io.infrakit.image;

import org.tukaani.xz.FilterOptions;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.X86Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Small stand-ins for a distribution kernel: an x86-64 ELF "vmlinux" with or without the Xen PVH entry note, and a
 * "bzImage" that carries one as an xz stream (BCJ x86 + LZMA2, CRC32, as Linux compresses it) between other bytes.
 */
final class FakeKernel {

    private static final int PT_LOAD = 1;
    private static final int PT_NOTE = 4;
    private static final int XEN_ELFNOTE_PHYS32_ENTRY = 18;
    private static final int XEN_ELFNOTE_GUEST_OS = 6;
    private static final int NT_GNU_BUILD_ID = 3;

    private FakeKernel() {
    }

    static byte[] vmlinux(boolean withPvhEntry) {
        byte[] notes = notes(withPvhEntry ? XEN_ELFNOTE_PHYS32_ENTRY : XEN_ELFNOTE_GUEST_OS);
        int headers = 64 + 2 * 56;
        byte[] code = new byte[8192];
        new Random(7).nextBytes(code);
        ByteBuffer elf = ByteBuffer.allocate(headers + notes.length + code.length).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
        elf.putShort((short) 2).putShort((short) 0x3E).putInt(1).putLong(0x1000000L).putLong(64).putLong(0).putInt(0);
        elf.putShort((short) 64).putShort((short) 56).putShort((short) 2).putShort((short) 64).putShort((short) 0)
                .putShort((short) 0);
        programHeader(elf, PT_LOAD, headers + notes.length, code.length, 0x200000);
        programHeader(elf, PT_NOTE, headers, notes.length, 4);
        elf.put(notes).put(code);
        return elf.array();
    }

    /** Some bytes (one of them a false start of the xz magic), the payload as an xz stream, and a trailer. */
    static byte[] bzImage(byte[] payload) {
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        image.writeBytes("MZ fake setup code and decompressor ".getBytes(StandardCharsets.US_ASCII));
        image.writeBytes(new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        image.writeBytes(xz(payload));
        image.writeBytes(new byte[] {0x10, 0x20, 0x30, 0x40});
        image.writeBytes("trailing bytes after the stream".getBytes(StandardCharsets.US_ASCII));
        return image.toByteArray();
    }

    static byte[] xz(byte[] payload) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        FilterOptions[] filters = {new X86Options(), new LZMA2Options()};
        try (XZOutputStream xz = new XZOutputStream(compressed, filters, XZ.CHECK_CRC32)) {
            xz.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static void programHeader(ByteBuffer elf, int type, long offset, long size, long align) {
        elf.putInt(type).putInt(4).putLong(offset).putLong(0).putLong(0).putLong(size).putLong(size).putLong(align);
    }

    /** A GNU build-id note first, so that the Xen note is not the only one in the segment. */
    private static byte[] notes(int xenNoteType) {
        ByteBuffer notes = ByteBuffer.allocate(12 + 4 + 20 + 12 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        notes.putInt(4).putInt(20).putInt(NT_GNU_BUILD_ID).put("GNU\0".getBytes(StandardCharsets.US_ASCII))
                .put(new byte[20]);
        notes.putInt(4).putInt(8).putInt(xenNoteType).put("Xen\0".getBytes(StandardCharsets.US_ASCII))
                .putLong(0x1000000L);
        return notes.array();
    }
}
