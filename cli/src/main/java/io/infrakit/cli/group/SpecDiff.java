package io.infrakit.cli.group;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.Identifiers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields that differ between a committed spec and a new one, leaf by leaf: what explains a rollout. Objects are
 * compared key by key and lists index by index; a value of another type (an object that became a string) is one
 * change. Paths are relative to the group's Properties: {@code Instance.Properties.Image},
 * {@code Allocation.LogicalIDs[2]}, {@code Tags["a.b"]} for a key that is not a plain name.
 */
final class SpecDiff {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private SpecDiff() {
    }

    enum Kind { changed, added, removed }

    /** One differing field; Old is absent for an added field, New for a removed one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(@JsonProperty("Path") String path,
                  @JsonProperty("Change") Kind kind,
                  @JsonProperty("Old") JsonNode before,
                  @JsonProperty("New") JsonNode after) {

        /** {@code path: old -> new}, {@code path: added new} or {@code path: removed old}, escaped for a terminal. */
        String line() {
            String shown = switch (kind) {
                case changed -> compact(before) + " -> " + compact(after);
                case added -> "added " + compact(after);
                case removed -> "removed " + compact(before);
            };
            return Identifiers.escapeUnsafe(path + ": " + shown);
        }
    }

    static List<Change> between(Any committed, Any proposed) {
        List<Change> changes = new ArrayList<>();
        compare("", root(committed), root(proposed), changes);
        return List.copyOf(changes);
    }

    /** One line per change, each indented by two spaces; empty when nothing changed. */
    static String lines(List<Change> changes) {
        StringBuilder text = new StringBuilder();
        changes.forEach(change -> text.append("  ").append(change.line()).append('\n'));
        return text.toString();
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
        boolean absentBefore = before == null || before.isMissingNode();
        boolean absentAfter = after == null || after.isMissingNode();
        if (absentBefore && absentAfter || !absentBefore && before.equals(after)) {
            return;
        }
        if (absentBefore) {
            changes.add(new Change(path, Kind.added, null, after));
        } else if (absentAfter) {
            changes.add(new Change(path, Kind.removed, before, null));
        } else if (before.isObject() && after.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                compare(child(path, key), before.path(key), after.path(key), changes);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(path + "[" + i + "]", element(before, i), element(after, i), changes);
            }
        } else {
            changes.add(new Change(path, Kind.changed, before, after));
        }
    }

    /** No properties at all compare as an empty object, so each field of the other side is one change. */
    private static JsonNode root(Any properties) {
        JsonNode node = properties.node();
        return node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
    }

    private static JsonNode element(JsonNode array, int index) {
        return index < array.size() ? array.get(index) : MissingNode.getInstance();
    }

    private static String child(String path, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            return path + "[" + quoted(key) + "]";
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String quoted(String key) {
        return TextNode.valueOf(key).toString();
    }

    private static String compact(JsonNode value) {
        return value == null ? "(none)" : value.toString();
    }
}
