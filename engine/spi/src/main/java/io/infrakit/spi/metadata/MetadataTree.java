package io.infrakit.spi.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An immutable tree of JSON values whose root is an object, read and changed by {@link MetadataPath} with the rules
 * of InfraKit's {@code types.Get}, {@code types.List} and its updatable metadata: a batch of changes is laid over
 * the tree, objects merged key by key and every other value replaced. Messages never quote values: a tree may hold
 * secrets.
 */
public final class MetadataTree implements ReadableMetadata {

    private static final Pattern INDEX = Pattern.compile("\\[(-?\\d+)]");
    private static final Pattern NAME_AND_INDEX = Pattern.compile("(.+)(\\[-?\\d+])");

    private final ObjectNode root;

    private MetadataTree(ObjectNode root) {
        this.root = root;
    }

    public static MetadataTree empty() {
        return new MetadataTree(Json.mapper().createObjectNode());
    }

    /**
     * The tree {@code value} holds: an object, or nothing ({@code null}) for an empty tree.
     *
     * @throws InvalidSpecException when the value is neither
     */
    public static MetadataTree of(Any value) {
        JsonNode node = value.node();
        if (node.isNull()) {
            return empty();
        }
        if (!node.isObject()) {
            throw new InvalidSpecException("a metadata tree must be an object, not " + kindOf(node));
        }
        return new MetadataTree((ObjectNode) node);
    }

    @Override
    public Optional<List<String>> keys(MetadataPath path) {
        JsonNode node = find(path);
        if (node == null) {
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(keys::add);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                keys.add("[" + i + "]");
            }
        }
        keys.sort(null);
        return Optional.of(List.copyOf(keys));
    }

    @Override
    public Any get(MetadataPath path) {
        JsonNode node = find(path);
        return node == null ? Any.empty() : Any.of(node);
    }

    /** The whole tree. */
    public Any toAny() {
        return Any.of(root);
    }

    /**
     * This tree with the changes laid over it. The changes are first gathered into one tree, later ones winning
     * (a change at the root replaces what the earlier ones gathered); that tree is then merged over this one.
     *
     * @throws InvalidSpecException when a change cannot be placed: under a value that is not an object, into a
     *                              list, or a root that is not an object
     */
    public MetadataTree withChanges(List<MetadataChange> changes) {
        ObjectNode changed = Json.mapper().createObjectNode();
        for (MetadataChange change : changes) {
            JsonNode value = change.value().node();
            if (change.path().isRoot()) {
                if (!value.isObject()) {
                    throw new InvalidSpecException("can't apply change at .: the root must be an object, not "
                            + kindOf(value));
                }
                changed = (ObjectNode) value;
                continue;
            }
            put(changed, change.path(), value);
        }
        return new MetadataTree(overlay(changed, root));
    }

    /**
     * The check value of a proposal: a digest of the tree it was made from and of the tree proposed, so a commit
     * is refused when either differs.
     */
    public static String fingerprint(Any original, Any proposed) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(original.canonicalJson().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(proposed.canonicalJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetadataTree tree && root.equals(tree.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    /** Names the tree's size only; its values may be secrets. */
    @Override
    public String toString() {
        return "MetadataTree[" + root.size() + " keys]";
    }

    private JsonNode find(MetadataPath path) {
        JsonNode node = root;
        for (String segment : expanded(path)) {
            node = child(node, segment);
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String segment) {
        if (node.isObject()) {
            return node.get(segment);
        }
        Matcher index = INDEX.matcher(segment);
        if (node.isArray() && index.matches()) {
            int i = Integer.parseInt(index.group(1));
            int at = i < 0 ? node.size() + i : i;
            return at >= 0 && at < node.size() ? node.get(at) : null;
        }
        return null;
    }

    /** {@code name[2]} is the name's list, then its element 2, as Go reads it. */
    private static List<String> expanded(MetadataPath path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.segments()) {
            Matcher nameAndIndex = NAME_AND_INDEX.matcher(segment);
            if (nameAndIndex.matches()) {
                segments.add(nameAndIndex.group(1));
                segments.add(nameAndIndex.group(2));
            } else {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static void put(ObjectNode changed, MetadataPath path, JsonNode value) {
        List<String> segments = path.segments();
        ObjectNode parent = changed;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (INDEX.matcher(segment).matches() || NAME_AND_INDEX.matcher(segment).matches()) {
                throw new InvalidSpecException("can't apply change at " + path + ": lists are not changed by index");
            }
            if (i == segments.size() - 1) {
                parent.set(segment, value.isMissingNode() ? NullNode.getInstance() : value);
                return;
            }
            JsonNode next = parent.get(segment);
            if (next == null) {
                parent = parent.putObject(segment);
            } else if (next.isObject()) {
                parent = (ObjectNode) next;
            } else {
                throw new InvalidSpecException("can't apply change at " + path + ": an earlier change set "
                        + String.join("/", segments.subList(0, i + 1)) + " to " + kindOf(next));
            }
        }
    }

    /** The changes win; where both sides are objects they are merged key by key. */
    private static ObjectNode overlay(ObjectNode changes, ObjectNode current) {
        ObjectNode merged = changes.deepCopy();
        current.fields().forEachRemaining(entry -> {
            JsonNode mine = merged.get(entry.getKey());
            if (mine == null) {
                merged.set(entry.getKey(), entry.getValue().deepCopy());
            } else if (mine.isObject() && entry.getValue().isObject()) {
                merged.set(entry.getKey(), overlay((ObjectNode) mine, (ObjectNode) entry.getValue()));
            }
        });
        return merged;
    }

    private static String kindOf(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNull() ? "null" : "an object";
    }
}
