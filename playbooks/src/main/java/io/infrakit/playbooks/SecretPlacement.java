package io.infrakit.playbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.Redactor;

import java.util.Iterator;
import java.util.Map;

/**
 * Keeps secret parameter values out of the places every instance and every listing shows: tags (any {@code Tags}
 * object of the spec), the group's ID and its logical IDs, which become the {@code infrakit.group} and
 * {@code infrakit.logical_id} tags. Inside other properties a secret is the playbook's business.
 */
final class SecretPlacement {

    private SecretPlacement() {
    }

    /** Throws InvalidSpecException (exit 3), naming the spec path and the parameter, never the value. */
    static void refuseInTags(String source, JsonNode spec, Redactor secrets) {
        if (secrets.isEmpty()) {
            return;
        }
        check(source, "ID", spec.path("ID"), secrets);
        JsonNode logicalIds = spec.path("Properties").path("Allocation").path("LogicalIDs");
        for (int i = 0; i < logicalIds.size(); i++) {
            check(source, "Properties.Allocation.LogicalIDs[" + i + "]", logicalIds.get(i), secrets);
        }
        findTags(source, "", spec, secrets);
    }

    private static void findTags(String source, String path, JsonNode node, Redactor secrets) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findTags(source, path + "[" + i + "]", node.get(i), secrets);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getKey().equals("Tags") && field.getValue().isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> tags = field.getValue().fields(); tags.hasNext(); ) {
                    Map.Entry<String, JsonNode> tag = tags.next();
                    check(source, fieldPath + "." + tag.getKey(), TextNode.valueOf(tag.getKey()), secrets);
                    check(source, fieldPath + "." + tag.getKey(), tag.getValue(), secrets);
                }
            } else {
                findTags(source, fieldPath, field.getValue(), secrets);
            }
        }
    }

    private static void check(String source, String path, JsonNode value, Redactor secrets) {
        String text = value.isValueNode() ? value.asText() : value.toString();
        secrets.secretIn(text).ifPresent(name -> {
            throw new InvalidSpecException(source + ": " + path + " holds the value of secret parameter '" + name
                    + "'; tags, group IDs and logical IDs are shown to anyone who lists instances");
        });
    }
}
