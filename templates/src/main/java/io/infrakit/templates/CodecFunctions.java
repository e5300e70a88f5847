package io.infrakit.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.infrakit.spi.Json;
import io.infrakit.common.YamlAliases;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Encoding and decoding: JSON, YAML, SHA-256, base64. */
final class CodecFunctions {

    // Go's json.MarshalIndent(v, "", "  "): "key": value, two spaces per level, {} and [] when empty.
    private static final ObjectWriter INDENTED_JSON = Json.mapper().writer(
            new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private CodecFunctions() {
    }

    /** JSON markup: a JSON or YAML template writes it as it is, not as a string to escape. */
    static Object jsonEncode(Call call) {
        return new TemplateOutput(encode(call, INDENTED_JSON, "JSON"), JsonOutputFormat.INSTANCE).value();
    }

    static Object jsonDecode(Call call) {
        return decode(call, Json.mapper(), "JSON");
    }

    /** YAML markup: a YAML template writes it as it is; a JSON template refuses it. */
    static Object yamlEncode(Call call) {
        return new TemplateOutput(encode(call, Yaml.MAPPER.writer(), "YAML"), YamlOutputFormat.INSTANCE).value();
    }

    static Object yamlDecode(Call call) {
        YamlAliases.find(call.string(0)).ifPresent(found -> {
            throw call.problem("line " + found.line() + ", column " + found.column() + ": " + found.problem());
        });
        return decode(call, Yaml.MAPPER, "YAML");
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes. */
    static Object sha256(Call call) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(call.string(0).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static Object base64(Call call) {
        return Base64.getEncoder().encodeToString(call.string(0).getBytes(StandardCharsets.UTF_8));
    }

    static Object base64Decode(Call call) {
        try {
            return new String(Base64.getDecoder().decode(call.string(0).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw call.problem("not base64: " + e.getMessage());
        }
    }

    private static String encode(Call call, ObjectWriter writer, String format) {
        try {
            return writer.writeValueAsString(call.value(0));
        } catch (JsonProcessingException e) {
            throw call.problem("cannot encode as " + format + ": " + ParseErrors.describe(e));
        }
    }

    private static Object decode(Call call, ObjectMapper mapper, String format) {
        try {
            return mapper.readValue(call.string(0), Object.class);
        } catch (JsonProcessingException e) {
            throw call.problem("invalid " + format + ": " + ParseErrors.describe(e));
        }
    }
}
