package io.infrakit.testkit.wire;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Compares two JSON answers by shape, as a Go client reads them: the same field names, the same JSON type for each
 * (a {@code null} is not an absent field, nor an empty list), array elements pairwise. Values are not compared: IDs,
 * paths and times differ from run to run. Each difference is one line naming its path ({@code result.Groups[0].ID}).
 */
public final class WireShapes {

    private WireShapes() {
    }

    /** The differences, leaving out those at a path {@code ignored} accepts. */
    public static List<String> differences(JsonNode expected, JsonNode actual, Predicate<String> ignored) {
        List<String> found = new ArrayList<>();
        compare("", expected, actual, ignored, found);
        return found;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, Predicate<String> ignored,
                                List<String> found) {
        if (ignored.test(path)) {
            return;
        }
        if (expected == null || actual == null) {
            if (expected != actual) {
                found.add(path + ": " + (expected == null ? "only in ours" : "absent from ours"));
            }
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            found.add(path + ": " + describe(expected) + " in InfraKit's answer, " + describe(actual) + " in ours");
            return;
        }
        if (expected.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(join(path, name), expected.get(name), actual.get(name), ignored, found);
            }
        } else if (expected.isArray()) {
            if (expected.size() != actual.size() && !ignored.test(path + "#size")) {
                found.add(path + ": " + expected.size() + " elements in InfraKit's answer, " + actual.size() + " in ours");
            }
            Iterator<JsonNode> theirs = expected.elements();
            Iterator<JsonNode> ours = actual.elements();
            for (int index = 0; theirs.hasNext() && ours.hasNext(); index++) {
                compare(path + "[" + index + "]", theirs.next(), ours.next(), ignored, found);
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String describe(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
