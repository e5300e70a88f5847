package io.infrakit.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over files, streamed (a kernel is megabytes, its vmlinux tens of them). */
final class FileDigest {

    private FileDigest() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static void update(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
    }

    /** The first {@code hexDigits} hex digits of the file's SHA-256. */
    static String sha256Prefix(Path file, int hexDigits) throws IOException {
        MessageDigest sha = sha256();
        update(sha, file);
        return HexFormat.of().formatHex(sha.digest()).substring(0, hexDigits);
    }
}
