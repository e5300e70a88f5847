package io.infrakit.plugins.flavor.combo;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The combo's properties as InfraKit writes them: a list of {@code {"Plugin": name, "Properties": any}}, run in
 * order. Read strictly: an unknown key or a missing {@code Plugin} is an error naming the element, since a misspelt
 * key would otherwise silently drop a flavor.
 */
final class ComboProperties {

    static final String PLUGIN = "Plugin";
    static final String PROPERTIES = "Properties";
    private static final List<String> KNOWN = List.of(PLUGIN, PROPERTIES);
    private static final String EXPECTED = "a list of {\"Plugin\": name, \"Properties\": ...} objects";

    private ComboProperties() {
    }

    static List<ChildFlavor> parse(Any properties) {
        if (properties.isEmpty()) {
            return List.of();
        }
        JsonNode list = properties.node();
        if (!list.isArray()) {
            throw new InvalidSpecException("combo flavor properties must be " + EXPECTED + ", got " + list);
        }
        List<ChildFlavor> children = new ArrayList<>();
        for (int position = 0; position < list.size(); position++) {
            children.add(child(position, list.get(position)));
        }
        return List.copyOf(children);
    }

    private static ChildFlavor child(int position, JsonNode element) {
        String at = "combo flavor property \"Properties[" + position + "]";
        if (!element.isObject()) {
            throw new InvalidSpecException(at + "\" must be {\"Plugin\": name, \"Properties\": ...}, got " + element);
        }
        for (Iterator<String> names = element.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                String hint = KNOWN.stream().filter(known -> known.equalsIgnoreCase(name))
                        .map(known -> " (did you mean \"" + known + "\"?)").findFirst()
                        .orElse("; known: Plugin, Properties");
                throw new InvalidSpecException("unknown " + at + "." + name + "\"" + hint);
            }
        }
        JsonNode plugin = element.get(PLUGIN);
        if (plugin == null || !plugin.isTextual()) {
            throw new InvalidSpecException(at + ".Plugin\" must be a plugin name, got "
                    + (plugin == null ? "nothing" : plugin.toString()));
        }
        try {
            return new ChildFlavor(position, PluginName.parse(plugin.textValue()), Any.of(element.get(PROPERTIES)));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(at + ".Plugin\": " + e.getMessage(), e);
        }
    }
}
