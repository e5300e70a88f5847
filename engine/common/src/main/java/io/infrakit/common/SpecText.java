package io.infrakit.common;

import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;
import io.infrakit.spi.group.GroupSpec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The one way a spec written by a user (a file, stdin, a rendered template) becomes a record: JSON, or YAML when
 * the name says so or the text does not start like JSON; every error names the source and where in it
 * ({@code name:line:column: } for syntax and unknown fields, the spec path for a bad value), in one line. A group
 * spec's fields are checked against {@link GroupSpecFields}: a misspelt one is refused, with a suggestion.
 */
public final class SpecText {

    private static final ObjectMapper YAML = new YAMLMapper();

    private SpecText() {
    }

    /** Bytes a user gave (a file, stdin) as a record; they must be UTF-8, as JSON and YAML files are. */
    public static <T> T read(String name, byte[] bytes, Class<T> type) {
        return read(name, decode(name, bytes), type);
    }

    /**
     * Bytes a user gave as text: strict UTF-8, never a character silently replaced. Otherwise an InvalidSpecException
     * naming the source and the offset of the first byte that is not UTF-8.
     */
    public static String decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidSpecException(String.format("%s: not UTF-8: byte 0x%02X at offset %d", name,
                    bytes[in.position()] & 0xff, in.position()));
        }
        return out.flip().toString();
    }

    public static <T> T read(String name, String text, Class<T> type) {
        return read(name, text, type, TextPositions.of(name));
    }

    /** The same for text rendered from a template: {@code positions} name the template's line for each error. */
    public static <T> T read(String name, String text, Class<T> type, TextPositions positions) {
        if (text.isBlank()) {
            throw new InvalidSpecException(name + ": the spec is empty");
        }
        if (looksLikeYaml(name, text)) {
            YamlAliases.find(text).ifPresent(found -> {
                throw new InvalidSpecException(found.at(name));
            });
        }
        ObjectReader reader = mapperFor(name, text).readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            if (type == GroupSpec.class) {
                checkFields(name, text, positions);
            }
            return reader.readValue(text);
        } catch (JsonMappingException e) {
            throw new InvalidSpecException(where(name, positions, e.getLocation()) + pathOf(e) + problem(e), e);
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(where(name, positions, e.getLocation())
                    + e.getOriginalMessage().lines().findFirst().orElse("malformed"), e);
        } catch (java.io.IOException e) {
            throw new InvalidSpecException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A group spec's text checked for fields that are not ours alone ({@link GroupSpecFields}), with errors at
     * {@code positions}: for text parsed elsewhere, such as a template's output.
     */
    public static void checkFields(String name, String text, TextPositions positions) throws java.io.IOException {
        GroupSpecFields.SPEC.check(name, positions, mapperFor(name, text).getFactory().createParser(text));
    }

    /** A tree already parsed (for example a template's output) as a record; errors name the spec path. */
    public static <T> T convert(String name, JsonNode tree, Class<T> type) {
        if (type == GroupSpec.class) {
            GroupSpecFields.SPEC.problem(tree, "").ifPresent(problem -> {
                throw new InvalidSpecException(name + ": " + problem);
            });
        }
        try {
            return Json.mapper().readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(tree);
        } catch (JsonMappingException e) {
            throw new InvalidSpecException(name + ": " + pathOf(e) + problem(e), e);
        } catch (java.io.IOException e) {
            throw new InvalidSpecException(name + ": " + e.getMessage(), e);
        }
    }

    public static boolean looksLikeYaml(String name, String text) {
        String bare = name.endsWith(".ftl") ? name.substring(0, name.length() - ".ftl".length()) : name;
        if (bare.endsWith(".yml") || bare.endsWith(".yaml")) {
            return true;
        }
        if (bare.endsWith(".json")) {
            return false;
        }
        String start = text.stripLeading();
        return !start.startsWith("{") && !start.startsWith("[");
    }

    private static ObjectMapper mapperFor(String name, String text) {
        return looksLikeYaml(name, text) ? YAML : Json.mapper();
    }

    /** Our own records reject bad values with plain words; Jackson wraps them in "Cannot construct instance". */
    private static String problem(JsonMappingException e) {
        String message = e instanceof ValueInstantiationException && e.getCause() != null
                && e.getCause().getMessage() != null
                ? e.getCause().getMessage()
                : e.getOriginalMessage();
        return message.lines().findFirst().orElse("invalid value");
    }

    private static String where(String name, TextPositions positions, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return name + ": ";
        }
        return positions.at(location.getLineNr(), location.getColumnNr()) + ": ";
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
