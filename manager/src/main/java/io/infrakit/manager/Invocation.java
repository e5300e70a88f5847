package io.infrakit.manager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One command as the launcher sends it to the manager: the caller's working directory, arguments and environment,
 * NUL-separated and ended by an empty field ({@code cwd \0 argc \0 args... \0 NAME=value \0 ... \0 \0}), then the
 * caller's stdin when the manager asked for it.
 *
 * @param terminal whether the caller's stdin and stdout are a terminal
 * @param stdin    what the caller's stdin held; empty when it was not sent
 */
public record Invocation(Path workingDirectory, List<String> args, Map<String, String> environment, boolean terminal,
                         Optional<byte[]> stdin) {

    public Invocation {
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }

    /** The request, or empty when the body is not one. */
    public static Optional<Invocation> parse(byte[] body, boolean terminal, boolean withStdin) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        int end = -1;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                if (i == start && fields.size() >= 2) {
                    end = i + 1;
                    break;
                }
                fields.add(new String(body, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (end < 0 || fields.get(0).isEmpty()) {
            return Optional.empty();
        }
        int argc;
        try {
            argc = Integer.parseInt(fields.get(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (argc < 0 || fields.size() < 2 + argc) {
            return Optional.empty();
        }
        Map<String, String> environment = new HashMap<>();
        for (String entry : fields.subList(2 + argc, fields.size())) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        Optional<byte[]> stdin = withStdin
                ? Optional.of(Arrays.copyOfRange(body, end, body.length)) : Optional.empty();
        if (!withStdin && end != body.length) {
            return Optional.empty();
        }
        return Optional.of(new Invocation(Path.of(fields.get(0)), fields.subList(2, 2 + argc), environment, terminal,
                stdin));
    }

    /** What the manager's log says: the command's first two words (after options such as -v), never its arguments. */
    public String name() {
        List<String> words = args.stream().dropWhile(arg -> arg.startsWith("-")).limit(2).toList();
        return String.join(" ", words.isEmpty() ? args.subList(0, Math.min(2, args.size())) : words)
                .replaceAll("[^\\w .:-]", "?");
    }
}
