package io.infrakit.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether an ELF kernel carries the Xen PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY) in a PT_NOTE segment: QEMU looks
 * for exactly that when it is given an ELF file as {@code -kernel}, and refuses to boot one without it.
 */
final class PvhEntryNote {

    /** \x7fELF read in the header's initial (big-endian) byte order. */
    private static final int ELF_MAGIC = 0x7F454C46;
    private static final int PT_NOTE = 4;
    private static final int XEN_ELFNOTE_PHYS32_ENTRY = 18;
    private static final byte[] XEN_NAME = "Xen\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_NOTE_SEGMENT = 1 << 20;

    private PvhEntryNote() {
    }

    static boolean isPresentIn(Path elf) throws IOException {
        try (FileChannel file = FileChannel.open(elf, StandardOpenOption.READ)) {
            ByteBuffer header = read(file, 0, 64);
            if (header.remaining() < 52 || header.getInt(0) != ELF_MAGIC || header.get(4) < 1 || header.get(4) > 2) {
                return false;
            }
            boolean is64 = header.get(4) == 2;
            header.order(header.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            long tableOffset = is64 ? header.getLong(0x20) : Integer.toUnsignedLong(header.getInt(0x1C));
            int entrySize = Short.toUnsignedInt(header.getShort(is64 ? 0x36 : 0x2A));
            int entries = Short.toUnsignedInt(header.getShort(is64 ? 0x38 : 0x2C));
            if (tableOffset < 0) {
                return false;
            }
            for (int i = 0; i < entries; i++) {
                ByteBuffer entry = read(file, tableOffset + (long) i * entrySize, entrySize).order(header.order());
                if (entry.remaining() >= (is64 ? 56 : 32) && entry.getInt(0) == PT_NOTE
                        && segmentHasPvhNote(file, entry, is64)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean segmentHasPvhNote(FileChannel file, ByteBuffer entry, boolean is64) throws IOException {
        long offset = is64 ? entry.getLong(8) : Integer.toUnsignedLong(entry.getInt(4));
        long size = is64 ? entry.getLong(32) : Integer.toUnsignedLong(entry.getInt(16));
        long align = is64 ? entry.getLong(48) : Integer.toUnsignedLong(entry.getInt(28));
        if (offset < 0 || size <= 0 || size > MAX_NOTE_SEGMENT) {
            return false;
        }
        ByteBuffer notes = read(file, offset, (int) size).order(entry.order());
        int padding = align == 8 ? 8 : 4;
        int at = 0;
        while (at + 12 <= notes.limit()) {
            int nameSize = notes.getInt(at);
            int descriptorSize = notes.getInt(at + 4);
            int type = notes.getInt(at + 8);
            if (nameSize < 0 || descriptorSize < 0 || nameSize > notes.limit() || descriptorSize > notes.limit()) {
                return false;
            }
            if (type == XEN_ELFNOTE_PHYS32_ENTRY && nameSize == XEN_NAME.length && at + 12 + nameSize <= notes.limit()
                    && notes.slice(at + 12, nameSize).equals(ByteBuffer.wrap(XEN_NAME))) {
                return true;
            }
            at += 12 + roundUp(nameSize, padding) + roundUp(descriptorSize, padding);
        }
        return false;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }
}
