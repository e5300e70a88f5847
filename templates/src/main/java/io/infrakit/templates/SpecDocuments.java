package io.infrakit.templates;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.infrakit.spi.Json;
import io.infrakit.common.SpecText;
import io.infrakit.common.TextPositions;
import io.infrakit.common.YamlAliases;

/** Parses what a spec template rendered into a Jackson tree. */
public final class SpecDocuments {

    private static final ObjectReader JSON = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final ObjectReader YAML = Yaml.MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SpecDocuments() {
    }

    /**
     * Parses {@code text} as JSON or YAML, told apart as every spec is ({@link SpecText#looksLikeYaml}). Errors are
     * {@link TemplateException}s: {@code <name>: rendered output is not valid JSON: line L, column C: <reason>}.
     */
    public static JsonNode parse(String name, String text) {
        return parse(name, text, null);
    }

    /**
     * The same for a template's output, with errors at the line and column of the template that wrote the bad part:
     * {@code <name>:L:C: rendered output is not valid JSON: <reason>}; {@code name} stands for the template.
     */
    public static JsonNode parse(String name, Rendered rendered) {
        return parse(name, rendered.text(), rendered.positions(name));
    }

    private static JsonNode parse(String name, String text, TextPositions positions) {
        boolean json = !SpecText.looksLikeYaml(name, text);
        if (text.isBlank()) {
            throw new TemplateException(name + ": rendered output is empty");
        }
        if (!json) {
            YamlAliases.find(text).ifPresent(found -> {
                throw new TemplateException(positions == null
                        ? name + ": rendered output, line " + found.line() + ", column " + found.column() + ": "
                                + found.problem()
                        : positions.at(found.line(), found.column()) + ": " + found.problem());
            });
        }
        try {
            return (json ? JSON : YAML).readTree(text);
        } catch (JsonProcessingException e) {
            String invalid = "rendered output is not valid " + (json ? "JSON" : "YAML") + ": ";
            JsonLocation at = e.getLocation();
            throw new TemplateException(positions == null || at == null || at.getLineNr() < 1
                    ? name + ": " + invalid + ParseErrors.describe(e)
                    : positions.at(at.getLineNr(), at.getColumnNr()) + ": " + invalid + ParseErrors.reason(e), e);
        }
    }
}
