package io.infrakit.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command the launcher asks a running manager to run in its warm JVM: the caller's working directory, arguments
 * and environment, sent NUL-separated ({@code cwd \0 argc \0 args... \0 NAME=value \0 ...}). Only short commands
 * that read nothing from stdin or a terminal, name no path but a spec file, and do not wait, qualify; any other
 * runs in the caller's own JVM as usual.
 */
record InManagerCommand(Path workingDirectory, List<String> args, Map<String, String> environment) {

    private static final Set<String> TOP_LEVEL = Set.of("plugin", "group", "instance");
    private static final Set<String> LOCAL_ONLY = Set.of("-", "--home", "-h", "--help", "watch");

    /** The request, or empty when the body is not one. */
    static Optional<InManagerCommand> parse(byte[] body) {
        List<String> fields = Arrays.asList(new String(body, StandardCharsets.UTF_8).split("\0", -1));
        if (fields.size() < 2 || !fields.get(fields.size() - 1).isEmpty()) {
            return Optional.empty();
        }
        int argc;
        try {
            argc = Integer.parseInt(fields.get(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (argc < 0 || fields.size() < 2 + argc + 1 || fields.get(0).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> environment = new HashMap<>();
        for (String entry : fields.subList(2 + argc, fields.size() - 1)) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return Optional.of(new InManagerCommand(Path.of(fields.get(0)), List.copyOf(fields.subList(2, 2 + argc)),
                environment));
    }

    /**
     * Whether the manager may run it. Never a simulation ({@code --simulate}): it runs in its caller's JVM, so it
     * ends with its caller and never logs in the manager. Never an argument file ({@code @FILE}, which picocli
     * expands): what it holds cannot be judged here.
     */
    boolean qualifies() {
        if (args.size() < 2 || !TOP_LEVEL.contains(args.get(0))) {
            return false;
        }
        return args.stream().noneMatch(arg -> LOCAL_ONLY.contains(arg) || arg.startsWith("--home=")
                || arg.startsWith("--wait") || arg.startsWith("--simulate") || arg.startsWith("@")
                || arg.endsWith(".ftl"));
    }

    /** What the manager's log says: the command's name, never its arguments. */
    String name() {
        return args.get(0) + " " + args.get(1);
    }
}
