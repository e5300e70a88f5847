package io.infrakit.playbooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.infrakit.common.Redactor;
import io.infrakit.image.ImageSpec;
import io.infrakit.spi.Json;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run that does not act (pretend, print-only) would do, as one document: the playbook, its command and
 * parameters, and each step in order with what it targets, its rendered spec (a group's, an image's) and, pretending,
 * the manager's plan. Printed by {@code playbook run --pretend -o json|yaml}; keys are PascalCase as InfraKit's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunPreview(@JsonProperty("Playbook") String playbook,
                         @JsonProperty("Command") String command,
                         @JsonProperty("Mode") RunMode mode,
                         @JsonProperty("Parameters") Map<String, Object> parameters,
                         @JsonProperty("Steps") List<Step> steps,
                         @JsonProperty("Summary") String summary) {

    public RunPreview {
        steps = List.copyOf(steps);
    }

    /**
     * One step of the plan, named as the playbook's DSL names it ({@code CommitGroup}, {@code BuildImage},
     * {@code ScaleGroup}, {@code DestroyGroup}, {@code Echo}).
     *
     * @param target the group's ID or the image spec's file
     * @param spec   the rendered group spec, or the parsed image spec
     * @param plan   what the manager says committing the group would involve (pretend only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(@JsonProperty("Action") String action,
                       @JsonProperty("Target") String target,
                       @JsonProperty("Spec") JsonNode spec,
                       @JsonProperty("Plan") String plan,
                       @JsonProperty("Size") Integer size,
                       @JsonProperty("Text") String text) {
    }

    /** An image spec as the document shows it: PascalCase like the rest, paths as they are written. */
    static JsonNode imageSpec(ImageSpec spec) {
        return IMAGE_SPECS.valueToTree(spec);
    }

    private static final ObjectMapper IMAGE_SPECS = Json.mapper().copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance));

    /** The document with every secret value masked, in names and values alike. */
    public JsonNode redacted(Redactor secrets) {
        return redact(Json.mapper().valueToTree(this), secrets);
    }

    private static JsonNode redact(JsonNode node, Redactor secrets) {
        if (node.isTextual()) {
            return TextNode.valueOf(secrets.redact(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode array = Json.mapper().createArrayNode();
            node.forEach(element -> array.add(redact(element, secrets)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = Json.mapper().createObjectNode();
            node.fields().forEachRemaining(field ->
                    object.set(secrets.redact(field.getKey()), redact(field.getValue(), secrets)));
            return object;
        }
        return node;
    }
}
