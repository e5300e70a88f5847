package io.infrakit.dsl.internal;

import io.infrakit.dsl.CommandInfo;
import io.infrakit.dsl.Param;
import io.infrakit.dsl.Plan;
import io.infrakit.common.AtomicFiles;
import io.infrakit.common.OwnerOnly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a script declares and the plans its commands made, on disk by the hash of everything they depend on: the
 * script's text and name, this build, the Java version and the limits, and for a plan the command and the
 * parameter values. A script is a pure model builder (no clock, no randomness, no files, no network inside the
 * sandbox), so the same inputs give the same plan, and a run seen before needs no Groovy at all. Entries are as
 * trusted as INFRAKIT_HOME, read back only as the DSL's own records; anything unreadable is computed again.
 */
public final class PlanCache {

    private static final ObjectInputFilter ONLY_PLANS = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;maxrefs=1000000;maxbytes=67108864;io.infrakit.dsl.**;java.lang.*;java.util.*;java.time.*;"
                    + "java.math.*;!*");

    /** What a playbook declares, without the script. */
    public record Outline(String description, List<Param> params, List<CommandInfo> commands) implements Serializable {
    }

    private final Path directory;

    public PlanCache(Path directory) {
        this.directory = directory;
    }

    /** A plan made within one time limit is not reused under another, which the script might not meet. */
    public static String scriptKey(String fileName, String scriptText, Duration timeout) {
        return sha256(CompiledScriptCache.key(scriptText) + "\n" + timeout.toMillis() + "\n" + fileName);
    }

    /** Empty when the values cannot be serialized; such a plan is simply not cached. */
    public static Optional<String> planKey(String scriptKey, String command, Map<String, Object> values) {
        try {
            return Optional.of(sha256(scriptKey + "\n" + command + "\n"
                    + HexFormat.of().formatHex(serialize(new TreeMap<>(values)))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public Optional<Outline> outline(String scriptKey) {
        return read("outline-" + scriptKey, Outline.class);
    }

    public void storeOutline(String scriptKey, Outline outline) {
        write("outline-" + scriptKey, outline);
    }

    public Optional<Plan> plan(String planKey) {
        return read("plan-" + planKey, Plan.class);
    }

    public void storePlan(String planKey, Plan plan) {
        write("plan-" + planKey, plan);
    }

    private <T> Optional<T> read(String name, Class<T> type) {
        Path file = directory.resolve(name);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            in.setObjectInputFilter(ONLY_PLANS);
            Object value = in.readObject();
            return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // damaged, or from another build that somehow shares the key: computed again
            return Optional.empty();
        }
    }

    private void write(String name, Serializable value) {
        try {
            OwnerOnly.createDirectories(directory);
            AtomicFiles.write(directory.resolve(name), serialize(value), AtomicFiles.Durability.PROCESS_CRASH_SAFE);
        } catch (IOException | RuntimeException e) {
            // a plan holding a value that does not serialize, or a full disk: it is simply not cached
        }
    }

    private static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
