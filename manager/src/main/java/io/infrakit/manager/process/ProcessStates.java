package io.infrakit.manager.process;

import com.fasterxml.jackson.core.type.TypeReference;
import io.infrakit.common.AtomicFiles;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.spi.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The supervisor's records as the CLI reads them: {@code $INFRAKIT_HOME/plugin-processes.json} (0600), rewritten
 * whole at each change by the manager that supervises the processes.
 */
public final class ProcessStates {

    public static final String FILE = "plugin-processes.json";

    private ProcessStates() {
    }

    public static Path file(InfrakitHome home) {
        return home.root().resolve(FILE);
    }

    public static List<ProcessRecord> read(InfrakitHome home) {
        Path file = file(home);
        try {
            return Files.exists(file) ? Json.mapper().readValue(file.toFile(), new TypeReference<List<ProcessRecord>>() {
            }) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    static void write(InfrakitHome home, List<ProcessRecord> records) {
        try {
            AtomicFiles.write(file(home), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(records),
                    AtomicFiles.Durability.PROCESS_CRASH_SAFE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the records of processes stopped without their manager. */
    public static void forget(InfrakitHome home, List<String> names) {
        write(home, read(home).stream().filter(record -> !names.contains(record.name())).toList());
    }

    /** The log file of a plugin process: {@code $INFRAKIT_HOME/logs/<name>.log}. */
    public static Path logFile(InfrakitHome home, String name) {
        return home.root().resolve("logs").resolve(name + ".log");
    }
}
