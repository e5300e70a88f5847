package io.infrakit.dsl.internal;

import io.infrakit.common.OwnerOnly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compiled scripts by the hash of their text, the build of this module and the Java version, so a changed sandbox
 * never reuses old bytecode and one home serves several Javas. Kept in memory (the last few) and, when given a
 * directory, on disk: Groovy's first compile in a JVM costs most of a cold CLI run. The disk copy is as trusted as
 * the directory (INFRAKIT_HOME, the user's own), and a corrupt or unreadable entry is compiled again.
 */
final class CompiledScriptCache {

    private static final int IN_MEMORY = 32;
    /** 2: scripts no longer carry a time check of their own (see {@link SandboxCompiler}). */
    private static final int FORMAT = 2;
    private static final String BUILD = buildIdentity();

    private final Optional<Path> directory;
    private final Map<String, CompiledClasses> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledClasses> eldest) {
            return size() > IN_MEMORY;
        }
    };

    CompiledScriptCache(Optional<Path> directory) {
        this.directory = directory;
    }

    static String key(String scriptText) {
        return key(scriptText, Runtime.version().feature());
    }

    /** Groovy emits bytecode for the Java that runs it, which an older Java cannot load: the key names that Java. */
    static String key(String scriptText, int javaFeatureVersion) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((FORMAT + "\n" + BUILD + "\njava " + javaFeatureVersion + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(scriptText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    synchronized Optional<CompiledClasses> get(String key) {
        CompiledClasses classes = recent.get(key);
        if (classes == null) {
            classes = readFromDisk(key).orElse(null);
            if (classes != null) {
                recent.put(key, classes);
            }
        }
        return Optional.ofNullable(classes);
    }

    synchronized void put(String key, CompiledClasses classes) {
        recent.put(key, classes);
        directory.ifPresent(dir -> writeToDisk(dir.resolve(key + ".classes"), classes));
    }

    private Optional<CompiledClasses> readFromDisk(String key) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path file = directory.get().resolve(key + ".classes");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            String scriptClass = in.readUTF();
            int count = in.readInt();
            Map<String, byte[]> bytecode = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                bytecode.put(name, in.readNBytes(in.readInt()));
            }
            return Optional.of(new CompiledClasses(scriptClass, bytecode));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static void writeToDisk(Path file, CompiledClasses classes) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(FORMAT);
                out.writeUTF(classes.scriptClass());
                out.writeInt(classes.bytecode().size());
                for (Map.Entry<String, byte[]> entry : classes.bytecode().entrySet()) {
                    out.writeUTF(entry.getKey());
                    out.writeInt(entry.getValue().length);
                    out.write(entry.getValue());
                }
            }
            OwnerOnly.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(temporary, bytes.toByteArray());
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException notWritten) {
            // A cache that cannot be written only costs the next run a compile.
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException gone) {
            return 0;
        }
    }

    /** This module's jar (or class directory) by path, size and time: a rebuild changes it. */
    private static String buildIdentity() {
        try {
            Path location = Path.of(CompiledScriptCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
            }
            try (var classes = Files.walk(location.resolve("io/infrakit/dsl"))) {
                return location + ":" + classes.mapToLong(CompiledScriptCache::modified).max().orElse(0);
            }
        } catch (IOException | URISyntaxException | RuntimeException unknown) {
            return "unknown-build-" + System.nanoTime();
        }
    }
}
