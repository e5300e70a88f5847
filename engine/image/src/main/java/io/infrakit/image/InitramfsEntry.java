package io.infrakit.image;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of an initramfs: a directory, a regular file (its bytes) or a character device. The path is absolute
 * (e.g. {@code /bin/busybox}); permissions are the low 12 bits of {@code mode}.
 */
public record InitramfsEntry(String path, Kind kind, int permissions, byte[] content, int deviceMajor, int deviceMinor) {

    public enum Kind { DIRECTORY, FILE, CHARACTER_DEVICE }

    public InitramfsEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
            throw new IllegalArgumentException("not an absolute file path: " + path);
        }
        content = content.clone();
    }

    public static InitramfsEntry directory(String path) {
        return new InitramfsEntry(path, Kind.DIRECTORY, 0755, new byte[0], 0, 0);
    }

    public static InitramfsEntry file(String path, int permissions, byte[] content) {
        return new InitramfsEntry(path, Kind.FILE, permissions, content, 0, 0);
    }

    public static InitramfsEntry characterDevice(String path, int permissions, int major, int minor) {
        return new InitramfsEntry(path, Kind.CHARACTER_DEVICE, permissions, new byte[0], major, minor);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InitramfsEntry e && path.equals(e.path) && kind == e.kind
                && permissions == e.permissions && Arrays.equals(content, e.content)
                && deviceMajor == e.deviceMajor && deviceMinor == e.deviceMinor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, kind, permissions, Arrays.hashCode(content), deviceMajor, deviceMinor);
    }

    @Override
    public String toString() {
        return kind + " " + path + " " + Integer.toOctalString(permissions) + " (" + content.length + " bytes)";
    }

    void writeContentTo(OutputStream out) throws IOException {
        out.write(content);
    }

    long size() {
        return content.length;
    }
}
