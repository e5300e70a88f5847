package io.infrakit.dsl.internal;

import java.util.Map;
import java.util.Set;

/** The methods a playbook script calls, and how each is called, for error messages. */
public final class DslVerbs {

    private static final Map<String, String> USAGE = Map.ofEntries(
            Map.entry("description", "description expects (String text)"),
            Map.entry("param", "param expects (String name, Class type, [default:, description:, prompt:, "
                    + "choices:, validate:, min:, max:, secret:])"),
            Map.entry("command", "command expects (String name, [description: String], Closure body)"),
            Map.entry("image", "image expects (String file, [vars: Map])"),
            Map.entry("template", "template expects (String path, [Map vars])"),
            Map.entry("group", "group expects (String id, template(...) | Map | String path)"),
            Map.entry("scale", "scale expects (String id, int size)"),
            Map.entry("destroy", "destroy expects (String id)"),
            Map.entry("echo", "echo expects (Object message)"),
            Map.entry("println", "println expects (Object message)"),
            Map.entry("print", "print expects (Object message)"),
            Map.entry("printf", "printf expects (String format, Object... values)"));

    private DslVerbs() {
    }

    public static Set<String> names() {
        return USAGE.keySet();
    }

    public static boolean contains(String name) {
        return USAGE.containsKey(name);
    }

    /** How the verb is called: {@code "group expects (String id, ...)"}. */
    public static String usage(String name) {
        return USAGE.get(name);
    }
}
