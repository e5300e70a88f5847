package io.infrakit.engine.group.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.common.Durations;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.instance.LogicalId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes and checks a group spec's Properties, in InfraKit's order and with its messages: a shape that does not
 * decode is {@code Invalid properties: ...}, then the allocation and updating rules; our own fields are checked
 * last, all at once, each message naming its spec path.
 */
public final class GroupPropertiesParser {

    private static final Pattern PERCENT = Pattern.compile("\\s*(-?[0-9]+)\\s*%\\s*");

    private GroupPropertiesParser() {
    }

    public static GroupProperties parse(Any properties) {
        JsonNode root = properties.isEmpty() ? null : properties.node();
        if (root != null && !root.isObject()) {
            throw invalid("expected a JSON object, got " + root.getNodeType().toString().toLowerCase());
        }
        JsonNode allocationNode = section(root, "Allocation");
        JsonNode updatingNode = section(root, "Updating");
        int size = nonNegativeInt(allocationNode, "Allocation.Size");
        List<LogicalId> logicalIds = logicalIds(allocationNode);
        int count = nonNegativeInt(updatingNode, "Updating.Count");
        Duration duration = infrakitDuration(updatingNode, "Updating.Duration");
        boolean skipDrain = updatingNode != null && "drain".equals(updatingNode.path("SkipBeforeInstanceDestroy").asText());
        PluginSection instance = pluginSection(root, "Instance");
        PluginSection flavor = pluginSection(root, "Flavor");

        if (size == 0 && logicalIds.isEmpty()) {
            throw new InvalidSpecException("Allocation must not be blank");
        }
        if (size > 0 && !logicalIds.isEmpty()) {
            throw new InvalidSpecException("Only one Allocation method may be used");
        }
        if (count > 0 && !duration.isZero()) {
            throw new InvalidSpecException("Only one Updating method may be used");
        }

        List<String> violations = new ArrayList<>();
        ExtensionReader extensions = new ExtensionReader(violations);
        int maxParallel = extensions.nonNegativeInt(allocationNode, "Allocation", "MaxParallel");
        Quantity maxSurge = extensions.quantity(updatingNode, "MaxSurge", UpdatingSpec.DEFAULT_MAX_SURGE);
        Quantity maxUnavailable = extensions.quantity(updatingNode, "MaxUnavailable", UpdatingSpec.DEFAULT_MAX_UNAVAILABLE);
        Duration healthyDeadline = extensions.duration(updatingNode, "HealthyDeadline", UpdatingSpec.DEFAULT_HEALTHY_DEADLINE);
        Duration progressDeadline = extensions.duration(updatingNode, "ProgressDeadline", Duration.ZERO);
        boolean autoRollback = extensions.bool(updatingNode, "AutoRollback");
        if (maxSurge.isZero() && maxUnavailable.isZero() && !maxSurge.percent() && !maxUnavailable.percent()
                && violations.isEmpty()) {
            violations.add("Properties.Updating: MaxSurge and MaxUnavailable must not both be 0");
        }
        if (!violations.isEmpty()) {
            throw new InvalidSpecException(String.join("; ", violations));
        }
        return new GroupProperties(new AllocationSpec(size, logicalIds, maxParallel), instance, flavor,
                new UpdatingSpec(count, duration, skipDrain, maxSurge, maxUnavailable, healthyDeadline,
                        progressDeadline, autoRollback));
    }

    private static JsonNode section(JsonNode root, String name) {
        JsonNode node = root == null ? null : root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid(name + ": expected a JSON object, got " + node);
        }
        return node;
    }

    private static int nonNegativeInt(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (node == null) {
            return 0;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 0) {
            throw invalid(path + ": expected a non-negative integer, got " + node);
        }
        return node.intValue();
    }

    private static Duration infrakitDuration(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (node == null) {
            return Duration.ZERO;
        }
        if (node.isIntegralNumber()) {
            return Duration.ofNanos(node.longValue());
        }
        try {
            return Durations.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(path + ": " + e.getMessage());
        }
    }

    private static List<LogicalId> logicalIds(JsonNode allocation) {
        JsonNode node = field(allocation, "Allocation.LogicalIDs");
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("Allocation.LogicalIDs: expected a list of strings, got " + node);
        }
        List<LogicalId> ids = new ArrayList<>();
        for (JsonNode id : node) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw invalid("Allocation.LogicalIDs: expected non-blank strings, got " + id);
            }
            try {
                ids.add(LogicalId.of(id.asText()));
            } catch (InvalidSpecException e) {
                throw invalid("Allocation.LogicalIDs: " + e.getMessage());
            }
        }
        return ids;
    }

    private static PluginSection pluginSection(JsonNode root, String name) {
        JsonNode node = section(root, name);
        if (node == null) {
            return new PluginSection("", Any.empty());
        }
        JsonNode plugin = node.get("Plugin");
        if (plugin != null && !plugin.isNull() && !plugin.isTextual()) {
            throw invalid(name + ".Plugin: expected a plugin name, got " + plugin);
        }
        requireFloat64Numbers(name + ".Properties", node.get("Properties"));
        return new PluginSection(plugin == null || plugin.isNull() ? "" : plugin.asText(), Any.of(node.get("Properties")));
    }

    /** InfraKit reads every number of a section into a float64 to hash it; one beyond that range cannot be hashed. */
    private static void requireFloat64Numbers(String path, JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            throw invalid(path + ": a number beyond the range of a float64 (InfraKit cannot hash it)");
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> requireFloat64Numbers(path + "." + field.getKey(), field.getValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireFloat64Numbers(path + "[" + i + "]", node.get(i));
            }
        }
    }

    private static JsonNode field(JsonNode parent, String path) {
        if (parent == null) {
            return null;
        }
        JsonNode node = parent.get(path.substring(path.indexOf('.') + 1));
        return node == null || node.isNull() ? null : node;
    }

    private static InvalidSpecException invalid(String problem) {
        return new InvalidSpecException("Invalid properties: " + problem);
    }

    /** Reads our fields, collecting every problem with its spec path rather than stopping at the first. */
    private record ExtensionReader(List<String> violations) {

        int nonNegativeInt(JsonNode parent, String section, String name) {
            JsonNode node = parent == null ? null : parent.get(name);
            if (node == null || node.isNull()) {
                return 0;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                violations.add(path(section, name) + ": expected an integer, got " + node);
                return 0;
            }
            if (node.intValue() < 0) {
                violations.add(path(section, name) + ": must not be negative");
                return 0;
            }
            return node.intValue();
        }

        Quantity quantity(JsonNode updating, String name, Quantity fallback) {
            JsonNode node = updating == null ? null : updating.get(name);
            if (node == null || node.isNull()) {
                return fallback;
            }
            String path = path("Updating", name);
            int value;
            boolean percent;
            Matcher matcher = PERCENT.matcher(node.asText());
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                value = node.intValue();
                percent = false;
            } else if (node.isTextual() && matcher.matches()) {
                value = Integer.parseInt(matcher.group(1));
                percent = true;
            } else {
                violations.add(path + ": expected an integer or a percentage such as \"25%\", got " + node);
                return fallback;
            }
            try {
                return new Quantity(value, percent);
            } catch (IllegalArgumentException e) {
                violations.add(path + ": " + e.getMessage());
                return fallback;
            }
        }

        Duration duration(JsonNode updating, String name, Duration fallback) {
            JsonNode node = updating == null ? null : updating.get(name);
            if (node == null || node.isNull()) {
                return fallback;
            }
            String path = path("Updating", name);
            try {
                Duration value = Durations.parse(node.isTextual() ? node.asText() : node.toString());
                if (value.isNegative()) {
                    violations.add(path + ": must not be negative");
                    return fallback;
                }
                return value;
            } catch (IllegalArgumentException e) {
                violations.add(path + ": " + e.getMessage());
                return fallback;
            }
        }

        boolean bool(JsonNode updating, String name) {
            JsonNode node = updating == null ? null : updating.get(name);
            if (node == null || node.isNull()) {
                return false;
            }
            if (!node.isBoolean()) {
                violations.add(path("Updating", name) + ": expected true or false, got " + node);
                return false;
            }
            return node.booleanValue();
        }

        private static String path(String section, String name) {
            return "Properties." + section + "." + name;
        }
    }
}
