package io.infrakit.testkit.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Json;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * InfraKit's (Go) spec store as its file store writes it ({@code configs/global.config}): a list of
 * {@code {Key: {Kind, Name}, Record: {Handler, Spec: {kind, version, metadata: {name, tags}, properties}}}}, as Go's
 * {@code json.MarshalIndent(v, "  ", "  ")} lays it out (every line but the first indented by two more spaces).
 */
public final class GoStoreFile {

    private GoStoreFile() {
    }

    /** The committed group spec of the capture's first real {@code Group.CommitGroup}: InfraKit's cattle.json. */
    public static JsonNode cattleSpec() {
        return GoWireCaptures.select(GoWireCaptures.cliToGo(), "mystack", "Group.CommitGroup").stream()
                .filter(exchange -> !exchange.request().path("params").path("Pretend").asBoolean())
                .findFirst().orElseThrow()
                .request().path("params").path("Spec");
    }

    /** The document the Go manager stores after committing these group specs through its group controller. */
    public static String globalConfig(List<JsonNode> groupSpecs) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < groupSpecs.size(); i++) {
            JsonNode spec = groupSpecs.get(i);
            String id = spec.path("ID").asText();
            text.append(i == 0 ? "\n" : ",\n").append("    {\n")
                    .append("      \"Key\": {\n")
                    .append("        \"Kind\": \"group\",\n")
                    .append("        \"Name\": ").append(quote(id)).append("\n")
                    .append("      },\n")
                    .append("      \"Record\": {\n")
                    .append("        \"Handler\": \"group-stateless\",\n")
                    .append("        \"Spec\": {\n")
                    .append("          \"kind\": \"group\",\n")
                    .append("          \"version\": \"\",\n")
                    .append("          \"metadata\": {\n")
                    .append("            \"name\": ").append(quote(id)).append(",\n")
                    .append("            \"tags\": null\n")
                    .append("          },\n")
                    .append("          \"properties\": ");
            indented(spec.path("Properties"), "          ", text);
            text.append("\n        }\n      }\n    }");
        }
        return text.append(groupSpecs.isEmpty() ? "]" : "\n  ]").toString();
    }

    private static void indented(JsonNode node, String indent, StringBuilder text) {
        if (node.isObject() && node.size() > 0) {
            text.append("{");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                text.append("\n").append(indent).append("  ").append(quote(field.getKey())).append(": ");
                indented(field.getValue(), indent + "  ", text);
                text.append(fields.hasNext() ? "," : "");
            }
            text.append("\n").append(indent).append("}");
        } else if (node.isArray() && node.size() > 0) {
            text.append("[");
            for (int i = 0; i < node.size(); i++) {
                text.append("\n").append(indent).append("  ");
                indented(node.get(i), indent + "  ", text);
                text.append(i + 1 < node.size() ? "," : "");
            }
            text.append("\n").append(indent).append("]");
        } else {
            text.append(node.toString());
        }
    }

    private static String quote(String text) {
        try {
            return Json.mapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
