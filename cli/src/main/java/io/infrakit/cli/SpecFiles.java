package io.infrakit.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads a spec a user gives as a file or on stdin ({@code -}), JSON or YAML, with errors at file:line:column. */
final class SpecFiles {

    private static final ObjectMapper YAML = new YAMLMapper();

    private SpecFiles() {
    }

    static <T> T read(String source, InputStream stdin, Class<T> type) {
        String name = "-".equals(source) ? "<stdin>" : source;
        String text = readText(source, stdin);
        if (text.isBlank()) {
            throw new InvalidSpecException(name + ": the spec is empty");
        }
        boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml")
                || ("<stdin>".equals(name) && !text.stripLeading().startsWith("{") && !text.stripLeading().startsWith("["));
        ObjectReader reader = (yaml ? YAML : Json.mapper()).readerFor(type)
                .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            return reader.readValue(text);
        } catch (JsonMappingException e) {
            throw new InvalidSpecException(where(name, e.getLocation()) + pathOf(e) + problem(e));
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(where(name, e.getLocation()) + e.getOriginalMessage()
                    .lines().findFirst().orElse("malformed"));
        }
    }

    /** Our own records reject bad values with plain words; Jackson wraps them in "Cannot construct instance". */
    private static String problem(JsonMappingException e) {
        String message = e instanceof ValueInstantiationException && e.getCause() != null
                && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : e.getOriginalMessage();
        return message.lines().findFirst().orElse("invalid value");
    }

    private static String readText(String source, InputStream stdin) {
        try {
            if ("-".equals(source)) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(source));
        } catch (NoSuchFileException e) {
            throw new InvalidSpecException(source + ": no such file");
        } catch (IOException e) {
            throw new InvalidSpecException(source + ": cannot read: " + e.getMessage());
        }
    }

    private static String where(String name, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return name + ": ";
        }
        return name + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    private static String pathOf(JsonMappingException e) {
        if (e.getPath().isEmpty()) {
            return "";
        }
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".", "", ": "))
                .replace(".[", "[");
    }
}
