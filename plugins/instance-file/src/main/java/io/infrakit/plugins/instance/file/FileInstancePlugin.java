package io.infrakit.plugins.instance.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.infrakit.spi.Any;
import io.infrakit.common.AtomicFiles;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;
import io.infrakit.common.OwnerOnly;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * InfraKit's {@code file} instance plugin: each instance is a JSON file {@code instance-<digits>} in one directory,
 * holding {@code {ID, LogicalID, Tags, Spec}}. The file's name is the instance's ID, so deleting a file by hand is
 * the instance dying. Files are replaced atomically (a temp file in the same directory, then renamed), so a reader
 * never sees half a file. Operations on different instances run in parallel; those on one instance take turns.
 * Subscribers are told of every instance file that appears, changes or vanishes, so a deleted file is healed at once.
 */
public final class FileInstancePlugin implements InstancePlugin, InstanceChangeNotices {

    static final String PREFIX = "instance-";
    private static final String NAME = "file";
    private static final int LOCK_STRIPES = 64;
    private static final ObjectWriter WRITER = Json.mapper()
            .writer(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .withDefaultPrettyPrinter();

    private final Path directory;
    private final ParsedFileCache parsed = new ParsedFileCache();
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final InstanceFileWatch watch;

    /**
     * Creates the directory if it is missing, and removes the half-written files of a predecessor killed mid-write:
     * the directory is this plugin's, and its manager holds the home's lock.
     */
    public FileInstancePlugin(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        this.watch = new InstanceFileWatch(this.directory);
        Arrays.setAll(locks, stripe -> new Object());
        try {
            OwnerOnly.createDirectories(this.directory);
            AtomicFiles.removeLeftovers(this.directory);
        } catch (IOException | UncheckedIOException e) {
            throw new PluginException(NAME, "start", "cannot prepare directory " + this.directory + ": " + e, e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void validate(Any properties) {
        if (!properties.isEmpty() && !properties.node().isObject()) {
            throw new InvalidSpecException("file instance properties must be a JSON object, got " + properties);
        }
    }

    @Override
    public InstanceId provision(InstanceSpec spec) {
        validate(spec.properties());
        while (true) {
            InstanceId id = InstanceId.of(PREFIX + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
            synchronized (lockOf(id)) {
                if (!Files.exists(fileOf(id))) {
                    write(InstanceFile.provisioned(id, spec), "provision");
                    return id;
                }
            }
        }
    }

    @Override
    public void label(InstanceId id, Map<String, String> labels) {
        Path file = fileOfKnown(id);
        synchronized (lockOf(id)) {
            InstanceFile current = read(file).orElseThrow(() -> new InstanceNotFoundException(id));
            write(current.withMergedTags(labels), "label");
        }
    }

    @Override
    public void destroy(InstanceId id, DestroyReason reason) {
        Path file = fileOfKnown(id);
        synchronized (lockOf(id)) {
            try {
                if (!Files.deleteIfExists(file)) {
                    throw new InstanceNotFoundException(id);
                }
            } catch (IOException e) {
                throw new PluginException(NAME, "destroy", "cannot delete " + file + ": " + e, e);
            }
        }
    }

    @Override
    public Subscription subscribe(Consumer<InstancesChanged> listener) {
        return watch.subscribe(listener);
    }

    private Object lockOf(InstanceId id) {
        return locks[Math.floorMod(id.hashCode(), LOCK_STRIPES)];
    }

    /**
     * Reads every {@code instance-*} file. A file that vanished meanwhile is an instance that died, and a file that
     * is not an instance's JSON is skipped, so that one corrupt file does not hide every other instance.
     */
    @Override
    public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        List<InstanceDescription> found = new ArrayList<>();
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path file : files) {
                present.add(file);
                parsed.read(file, this::read).map(instance -> instance.describe(properties))
                        .filter(description -> description.matches(tags))
                        .ifPresent(found::add);
            }
            parsed.retainOnly(present);
        } catch (IOException e) {
            throw new PluginException(NAME, "describe", "cannot list " + directory + ": " + e, e);
        }
        found.sort(Comparator.comparing(InstanceDescription::id));
        return found;
    }

    /** The file of an ID this plugin could have made; an ID that is no plain file name here is unknown. */
    private Path fileOfKnown(InstanceId id) {
        try {
            Path file = fileOf(id);
            if (id.value().startsWith(PREFIX) && directory.equals(file.getParent())) {
                return file;
            }
        } catch (InvalidPathException e) {
            // not a file name on this platform, so not one of ours
        }
        throw new InstanceNotFoundException(id);
    }

    private Path fileOf(InstanceId id) {
        return directory.resolve(id.value()).normalize();
    }

    /** The instance in the file, with the file's name as its ID; empty if the file is gone or not an instance. */
    private Optional<InstanceFile> read(Path file) {
        try {
            InstanceFile content = Json.mapper().readValue(Files.readAllBytes(file), InstanceFile.class);
            InstanceId id = InstanceId.of(file.getFileName().toString());
            return Optional.of(new InstanceFile(id, content.logicalId(), content.tags(), content.spec()));
        } catch (NoSuchFileException | JsonProcessingException | InvalidSpecException e) {
            // gone, not an instance's JSON, or a name no instance ID can have (a control character, say)
            return Optional.empty();
        } catch (IOException e) {
            throw new PluginException(NAME, "read", "cannot read " + file + ": " + e, e);
        }
    }

    private void write(InstanceFile instance, String operation) {
        Path target = fileOf(instance.id());
        try {
            // A file lost to a power cut is an instance that died, which its group replaces; no fsync per instance.
            BasicFileAttributes written = AtomicFiles.write(target, WRITER.writeValueAsBytes(instance),
                    AtomicFiles.Durability.PROCESS_CRASH_SAFE);
            parsed.remember(target, written, instance);
        } catch (JsonProcessingException | UncheckedIOException e) {
            throw new PluginException(NAME, operation, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
