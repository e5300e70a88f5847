package io.infrakit.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.infrakit.common.AtomicFiles;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * InfraKit's file store: the global spec document as pretty JSON in {@code <home>/configs/global.config} (or another
 * document of the configs directory in the same format).
 */
public final class FileSpecStore implements SpecStore {

    public static final String DOCUMENT = "global.config";
    /** Where the manager sets aside a stored spec that no longer validates, in the same format. */
    public static final String SET_ASIDE_DOCUMENT = "rejected.config";

    private final Path file;

    public FileSpecStore(Path configsDir) {
        this(configsDir, DOCUMENT);
    }

    public FileSpecStore(Path configsDir, String document) {
        this.file = configsDir.resolve(document);
    }

    /** The store of specs set aside because they no longer validate. */
    public static FileSpecStore setAside(Path configsDir) {
        return new FileSpecStore(configsDir, SET_ASIDE_DOCUMENT);
    }

    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return file.toString();
    }

    @Override
    public List<StoredSpec> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<StoredSpec> specs = Json.mapper().readValue(file.toFile(), new TypeReference<List<StoredSpec>>() { });
            return specs == null ? List.of() : specs.stream()
                    .sorted((a, b) -> SpecKey.VISIT_ORDER.compare(a.key(), b.key()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new InfrakitException(file + ":" + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": stored specs are not readable: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InfrakitException("cannot read stored specs " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(List<StoredSpec> specs) {
        List<StoredSpec> ordered = specs.stream()
                .sorted((a, b) -> SpecKey.VISIT_ORDER.compare(a.key(), b.key()))
                .toList();
        try {
            String text = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(ordered) + "\n";
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InfrakitException("cannot encode specs: " + e.getOriginalMessage(), e);
        }
    }
}
