package io.infrakit.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The content hash that names an image: SHA-256 over the kernel, the initrd and the command line, each preceded
 * by its length so that no two different triples can run together into the same input. Shortened to 16 hex digits.
 */
public final class ImageHash {

    public static final int LENGTH = 16;

    private ImageHash() {
    }

    public static String of(Path kernel, byte[] initrd, String cmdline) throws IOException {
        MessageDigest sha = FileDigest.sha256();
        sha.update(lengthPrefix("kernel", Files.size(kernel)));
        FileDigest.update(sha, kernel);
        sha.update(lengthPrefix("initrd", initrd.length));
        sha.update(initrd);
        byte[] cmdlineBytes = cmdline.getBytes(StandardCharsets.UTF_8);
        sha.update(lengthPrefix("cmdline", cmdlineBytes.length));
        sha.update(cmdlineBytes);
        return HexFormat.of().formatHex(sha.digest()).substring(0, LENGTH);
    }

    private static byte[] lengthPrefix(String part, long length) {
        return (part + " " + length + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
