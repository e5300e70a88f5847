package io.infrakit.dsl.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** Paths a script names (image files, templates): relative, and inside the playbook tree once normalised. */
final class PlaybookPaths {

    private PlaybookPaths() {
    }

    /** The normalised path, e.g. {@code groups/./x.ftl} becomes {@code groups/x.ftl}. */
    static String inside(String path) {
        if (path == null || path.isBlank()) {
            throw new ScriptError("a path must not be empty");
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*") || path.contains("\0")) {
            throw new ScriptError("path '" + path + "' must be relative to the playbook");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("[/\\\\]+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new ScriptError("path '" + path + "' leaves the playbook directory");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty()) {
            throw new ScriptError("path '" + path + "' names the playbook directory itself");
        }
        return String.join("/", parts);
    }
}
