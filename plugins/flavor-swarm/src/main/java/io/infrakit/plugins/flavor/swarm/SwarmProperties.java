package io.infrakit.plugins.flavor.swarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.instance.Attachment;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The swarm flavor's properties, InfraKit's names, read strictly (an unknown or mistyped property is an error naming
 * it): {@code Docker.Host} (the manager engine to talk to; DOCKER_HOST when absent), {@code SwarmJoinIP} (where
 * instances join, port 2377; the engine's own manager address when absent), {@code EngineLabels} (more labels for each
 * instance's engine) and {@code Attachments} (by LogicalID, {@code *} for every instance). {@code dockerHost} is
 * empty when the properties name none.
 */
record SwarmProperties(String dockerHost, String swarmJoinIp, Map<String, String> engineLabels,
                       Map<String, List<Attachment>> attachments) {

    static final String ALL_INSTANCES = "*";
    private static final List<String> KNOWN =
            List.of("Docker", "SwarmJoinIP", "EngineLabels", "Attachments", "InitScriptTemplateURL");

    SwarmProperties {
        engineLabels = Map.copyOf(engineLabels);
        attachments = Map.copyOf(attachments);
    }

    static SwarmProperties parse(String flavor, Any properties) {
        if (properties.isEmpty()) {
            return new SwarmProperties("", "", Map.of(), Map.of());
        }
        JsonNode node = properties.node();
        if (!node.isObject()) {
            throw new InvalidSpecException(flavor + " flavor properties must be a JSON object, got " + node);
        }
        rejectUnknown(flavor, node, KNOWN, "");
        if (node.has("InitScriptTemplateURL")) {
            throw new InvalidSpecException(flavor + " flavor property \"InitScriptTemplateURL\" is not supported:"
                    + " the built-in init scripts are used (docs/plugins-flavors.md)");
        }
        String host = "";
        JsonNode docker = node.get("Docker");
        if (docker != null && !docker.isNull()) {
            if (!docker.isObject()) {
                throw mistyped(flavor, "Docker", "an object {\"Host\": string}", docker);
            }
            rejectUnknown(flavor, docker, List.of("Host"), "Docker.");
            host = text(flavor, "Docker.Host", docker.get("Host"));
        }
        return new SwarmProperties(host, text(flavor, "SwarmJoinIP", node.get("SwarmJoinIP")),
                labels(flavor, node.get("EngineLabels")), attachments(flavor, node.get("Attachments")));
    }

    /** The attachments for an instance: those for its LogicalID, then those for every instance. */
    List<Attachment> attachmentsFor(String logicalId) {
        List<Attachment> result = new ArrayList<>(logicalId == null ? List.of()
                : attachments.getOrDefault(logicalId, List.of()));
        result.addAll(attachments.getOrDefault(ALL_INSTANCES, List.of()));
        return result;
    }

    private static String text(String flavor, String property, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw mistyped(flavor, property, "a string", value);
        }
        return value.textValue();
    }

    private static Map<String, String> labels(String flavor, JsonNode value) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return labels;
        }
        if (!value.isObject()) {
            throw mistyped(flavor, "EngineLabels", "an object of string values", value);
        }
        for (Map.Entry<String, JsonNode> label : value.properties()) {
            if (!label.getValue().isTextual()) {
                throw mistyped(flavor, "EngineLabels", "an object of string values", value);
            }
            labels.put(label.getKey(), label.getValue().textValue());
        }
        return labels;
    }

    private static Map<String, List<Attachment>> attachments(String flavor, JsonNode value) {
        Map<String, List<Attachment>> byLogicalId = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return byLogicalId;
        }
        String expected = "an object of LogicalID (or \"*\") to a list of {\"ID\": string, \"Type\": string}";
        if (!value.isObject()) {
            throw mistyped(flavor, "Attachments", expected, value);
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isArray()) {
                throw mistyped(flavor, "Attachments", expected, value);
            }
            List<Attachment> list = new ArrayList<>();
            for (JsonNode attachment : entry.getValue()) {
                JsonNode id = attachment.get("ID");
                JsonNode type = attachment.get("Type");
                if (!attachment.isObject() || id == null || !id.isTextual() || type == null || !type.isTextual()
                        || attachment.size() != 2) {
                    throw mistyped(flavor, "Attachments." + entry.getKey(), "a list of {\"ID\": string, \"Type\": string}",
                            entry.getValue());
                }
                list.add(new Attachment(id.textValue(), type.textValue()));
            }
            byLogicalId.put(entry.getKey(), List.copyOf(list));
        }
        return byLogicalId;
    }

    private static void rejectUnknown(String flavor, JsonNode node, List<String> known, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                String hint = known.stream().filter(candidate -> candidate.equalsIgnoreCase(name))
                        .map(candidate -> " (did you mean \"" + prefix + candidate + "\"?)").findFirst()
                        .orElse("; known properties: "
                                + String.join(", ", known.stream().map(candidate -> prefix + candidate).toList()));
                throw new InvalidSpecException("unknown " + flavor + " flavor property \"" + prefix + name + "\"" + hint);
            }
        }
    }

    private static InvalidSpecException mistyped(String flavor, String property, String expected, JsonNode value) {
        return new InvalidSpecException(flavor + " flavor property \"" + property + "\" must be " + expected
                + ", got " + value);
    }
}
