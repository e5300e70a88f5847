package io.infrakit.cli.playbook;

import io.infrakit.common.UsageException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A playbook's parameters given as options after the command: {@code --size 5} or {@code --size=5}. */
final class ParameterOptions {

    private ParameterOptions() {
    }

    static Map<String, String> parse(List<String> arguments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--") || argument.length() == 2) {
                throw new UsageException("unexpected argument '" + argument
                        + "'; parameters are given as --NAME VALUE");
            }
            int equals = argument.indexOf('=');
            if (equals > 2) {
                values.put(argument.substring(2, equals), argument.substring(equals + 1));
            } else if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                values.put(argument.substring(2), arguments.get(++i));
            } else {
                throw new UsageException(argument + " needs a value: " + argument + " VALUE or " + argument + "=VALUE");
            }
        }
        return values;
    }
}
