package io.infrakit.image;

import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * Writes a gzip-compressed cpio "newc" archive, the format Linux unpacks as its initramfs. The output depends only
 * on the entries: they are sorted by path, every parent directory is present, owners are root and every timestamp
 * is zero, so the same entries always give the same bytes.
 */
public final class Initramfs {

    private Initramfs() {
    }

    public static byte[] write(Collection<InitramfsEntry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GzipCompressorOutputStream(bytes, reproducibleGzip());
             CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(gzip, CpioConstants.FORMAT_NEW)) {
            long inode = 1;
            for (InitramfsEntry entry : withParentsSorted(entries).values()) {
                cpio.putArchiveEntry(cpioEntry(entry, inode++));
                entry.writeContentTo(cpio);
                cpio.closeArchiveEntry();
            }
            cpio.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write initramfs: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** Entries keyed and ordered by path, with a directory entry added for every parent not given. */
    static TreeMap<String, InitramfsEntry> withParentsSorted(Collection<InitramfsEntry> entries) {
        TreeMap<String, InitramfsEntry> byPath = new TreeMap<>();
        for (InitramfsEntry entry : entries) {
            if (byPath.put(entry.path(), entry) != null) {
                throw new IllegalArgumentException("two initramfs entries for " + entry.path());
            }
        }
        for (InitramfsEntry entry : Map.copyOf(byPath).values()) {
            for (String parent = parentOf(entry.path()); parent != null; parent = parentOf(parent)) {
                InitramfsEntry existing = byPath.putIfAbsent(parent, InitramfsEntry.directory(parent));
                if (existing != null && existing.kind() != InitramfsEntry.Kind.DIRECTORY) {
                    throw new IllegalArgumentException(parent + " is a file but " + entry.path() + " lies below it");
                }
            }
        }
        return byPath;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? null : path.substring(0, slash);
    }

    private static CpioArchiveEntry cpioEntry(InitramfsEntry entry, long inode) {
        // newc names are relative to the root, as "find . | cpio" would give without the "./".
        CpioArchiveEntry cpio = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, entry.path().substring(1));
        cpio.setMode(typeBits(entry.kind()) | (entry.permissions() & 07777));
        cpio.setInode(inode);
        cpio.setUID(0);
        cpio.setGID(0);
        cpio.setTime(0);
        cpio.setNumberOfLinks(entry.kind() == InitramfsEntry.Kind.DIRECTORY ? 2 : 1);
        cpio.setSize(entry.size());
        cpio.setRemoteDeviceMaj(entry.deviceMajor());
        cpio.setRemoteDeviceMin(entry.deviceMinor());
        return cpio;
    }

    private static int typeBits(InitramfsEntry.Kind kind) {
        return switch (kind) {
            case DIRECTORY -> CpioConstants.C_ISDIR;
            case FILE -> CpioConstants.C_ISREG;
            case CHARACTER_DEVICE -> CpioConstants.C_ISCHR;
        };
    }

    private static GzipParameters reproducibleGzip() {
        GzipParameters parameters = new GzipParameters();
        parameters.setModificationTime(0);
        parameters.setCompressionLevel(Deflater.BEST_SPEED);
        parameters.setOperatingSystem(3); // Unix, fixed so the header is the same wherever the build runs
        return parameters;
    }
}
