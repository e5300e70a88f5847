package io.infrakit.playbooks.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.infrakit.common.AtomicFiles;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.UsageException;
import io.infrakit.common.YamlAliases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code playbooks.lock}: every pinned playbook by name, as YAML. It is replaced whole and atomically, so a reader
 * sees the old pins or the new ones. URLs are stored without credentials.
 */
final class LockFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final TypeReference<TreeMap<String, Entry>> ENTRIES = new TypeReference<>() {
    };

    private final Path file;

    LockFile(Path file) {
        this.file = file;
    }

    SortedMap<String, PinnedPlaybook> read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new InvalidSpecException(file + ": cannot read: " + e.getMessage(), e);
        }
        TreeMap<String, Entry> entries = parse(text);
        SortedMap<String, PinnedPlaybook> pins = new TreeMap<>();
        entries.forEach((name, entry) -> pins.put(name, entry.toPin(file, name)));
        return pins;
    }

    void write(Map<String, PinnedPlaybook> pins) {
        TreeMap<String, Entry> entries = new TreeMap<>();
        pins.forEach((name, pin) -> entries.put(name, Entry.of(pin)));
        try {
            AtomicFiles.write(file, YAML.writeValueAsBytes(entries));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    private TreeMap<String, Entry> parse(String text) {
        if (text.isBlank()) {
            return new TreeMap<>();
        }
        YamlAliases.find(text).ifPresent(found -> {
            throw new InvalidSpecException(found.at(file.toString()));
        });
        try {
            TreeMap<String, Entry> entries = YAML.readValue(text, ENTRIES);
            return entries == null ? new TreeMap<>() : entries;
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new InvalidSpecException(file + line + ": " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String url, String ref, String subdir, String commit, String fetchedAt, boolean trusted) {

        static Entry of(PinnedPlaybook pin) {
            PlaybookSource source = pin.source().withoutCredentials();
            return new Entry(source.url(), source.ref().orElse(null), source.subdir().orElse(null), pin.commit(),
                    pin.fetchedAt().toString(), pin.trusted());
        }

        PinnedPlaybook toPin(Path file, String name) {
            String where = file + ": playbook '" + name + "'";
            if (url == null || commit == null || fetchedAt == null) {
                throw new InvalidSpecException(where + " needs url, commit and fetchedAt");
            }
            if (!PlaybookRegistry.isValidName(name)) {
                throw new InvalidSpecException(where + ": not a valid name");
            }
            if (!commit.matches("[0-9a-f]{40}")) {
                throw new InvalidSpecException(where + ": commit '" + commit + "' is not a full commit ID");
            }
            try {
                return new PinnedPlaybook(name, source(), commit, Instant.parse(fetchedAt), trusted);
            } catch (DateTimeParseException e) {
                throw new InvalidSpecException(where + ": fetchedAt '" + fetchedAt + "' is not an ISO-8601 instant");
            } catch (UsageException e) {
                throw new InvalidSpecException(where + ": " + e.getMessage());
            }
        }

        /** Parsed again, so a hand-edited entry is held to what {@code playbook add} accepts. */
        private PlaybookSource source() {
            String text = url + (subdir == null ? "" : "//" + subdir) + (ref == null ? "" : "#" + ref);
            return PlaybookSource.parse(text, Path.of("/"));
        }
    }
}
