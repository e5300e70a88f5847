package io.infrakit.engine.manager;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.common.Redactor;
import io.infrakit.spi.group.GroupSpec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The values a group spec holds, as a {@link Redactor} for the manager's log lines: the manager cannot tell a
 * secret (a playbook's password rendered into a property) from any other value, so a line about a spec quotes none
 * of them. Plugin names stay readable, as do booleans; the group's ID is not a value.
 */
final class SpecValues {

    private SpecValues() {
    }

    static Redactor of(GroupSpec spec) {
        List<String> values = new ArrayList<>();
        collect(spec.properties().node(), "", values);
        return Redactor.of(Map.of("a value of group " + spec.id(), values));
    }

    private static void collect(JsonNode node, String name, List<String> values) {
        if (node.isTextual() || node.isNumber()) {
            if (!name.equals("Plugin")) {
                values.add(node.asText());
            }
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, name, values));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            collect(field.getValue(), field.getKey(), values);
        }
    }
}
