package io.infrakit.plugins.flavor.vanilla;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.instance.Attachment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.infrakit.plugins.flavor.vanilla.PropertyChecks.absent;
import static io.infrakit.plugins.flavor.vanilla.PropertyChecks.mistyped;

/**
 * The vanilla flavor's properties, read strictly: a property this flavor does not know, or one of the wrong type,
 * is an error naming it, because a misspelt {@code Init} would otherwise silently create bare instances.
 * {@code healthCheck} is null when the properties have no {@code HealthCheck}.
 */
record VanillaProperties(List<String> init,
                         String initScriptTemplateUrl,
                         Map<String, String> tags,
                         List<Attachment> attachments,
                         HttpHealthCheck healthCheck) {

    static final String INIT = "Init";
    static final String INIT_SCRIPT_TEMPLATE_URL = "InitScriptTemplateURL";
    static final String TAGS = "Tags";
    static final String ATTACHMENTS = "Attachments";
    static final String HEALTH_CHECK = HttpHealthCheck.PROPERTY;
    private static final List<String> KNOWN =
            List.of(INIT, INIT_SCRIPT_TEMPLATE_URL, TAGS, ATTACHMENTS, HEALTH_CHECK);

    VanillaProperties {
        init = List.copyOf(init);
        tags = Map.copyOf(tags);
        attachments = List.copyOf(attachments);
    }

    static VanillaProperties parse(Any properties) {
        if (properties.isEmpty()) {
            return new VanillaProperties(List.of(), "", Map.of(), List.of(), null);
        }
        JsonNode node = properties.node();
        if (!node.isObject()) {
            throw new InvalidSpecException("vanilla flavor properties must be a JSON object, got " + node);
        }
        PropertyChecks.rejectUnknown(node, KNOWN, "");
        return new VanillaProperties(
                strings(node.get(INIT)),
                text(node.get(INIT_SCRIPT_TEMPLATE_URL)),
                stringMap(node.get(TAGS)),
                attachments(node.get(ATTACHMENTS)),
                absent(node.get(HEALTH_CHECK)) ? null : HttpHealthCheck.parse(node.get(HEALTH_CHECK)));
    }

    Optional<HttpHealthCheck> healthCheckIfAny() {
        return Optional.ofNullable(healthCheck);
    }

    private static List<String> strings(JsonNode value) {
        if (absent(value)) {
            return List.of();
        }
        if (!value.isArray() || !allTextual(value)) {
            throw mistyped(INIT, "a list of strings", value);
        }
        List<String> lines = new ArrayList<>();
        value.forEach(line -> lines.add(line.textValue()));
        return lines;
    }

    private static String text(JsonNode value) {
        if (absent(value)) {
            return "";
        }
        if (!value.isTextual()) {
            throw mistyped(INIT_SCRIPT_TEMPLATE_URL, "a string", value);
        }
        return value.textValue();
    }

    private static Map<String, String> stringMap(JsonNode value) {
        if (absent(value)) {
            return Map.of();
        }
        if (!value.isObject() || !allTextual(value)) {
            throw mistyped(TAGS, "an object of string values", value);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        value.properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().textValue()));
        return tags;
    }

    private static List<Attachment> attachments(JsonNode value) {
        if (absent(value)) {
            return List.of();
        }
        String expected = "a list of {\"ID\": string, \"Type\": string} objects";
        if (!value.isArray()) {
            throw mistyped(ATTACHMENTS, expected, value);
        }
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : value) {
            boolean wellFormed = attachment.isObject() && allTextual(attachment)
                    && attachment.has("ID") && attachment.has("Type") && attachment.size() == 2;
            if (!wellFormed) {
                throw mistyped(ATTACHMENTS, expected, value);
            }
            attachments.add(new Attachment(attachment.get("ID").textValue(), attachment.get("Type").textValue()));
        }
        return attachments;
    }

    private static boolean allTextual(JsonNode container) {
        for (JsonNode element : container) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
