package io.infrakit.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        MessageDigest sha = sha256();
        sha.update(lengthPrefix("kernel", Files.size(kernel)));
        try (InputStream in = Files.newInputStream(kernel)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
