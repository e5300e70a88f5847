package io.infrakit.playbooks;

import io.infrakit.dsl.MissingParameterException;
import io.infrakit.dsl.Param;
import io.infrakit.dsl.Plan;
import io.infrakit.dsl.Playbook;
import io.infrakit.common.Suggestions;
import io.infrakit.spi.InvalidSpecException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The value of each parameter a playbook declares: given on the command line or in a params file, else asked for
 * on a terminal (the default offered), else the default. A required one nobody gave is asked for when the command
 * reads it, and without a terminal is an error saying how to give it; a command that does not read it runs without.
 */
public final class ParameterResolver {

    private final Prompter prompter;
    private final boolean acceptDefaults;

    public ParameterResolver(Prompter prompter, boolean acceptDefaults) {
        this.prompter = prompter;
        this.acceptDefaults = acceptDefaults;
    }

    /**
     * Plans the command with the parameters' values: the given ones typed, the others as {@link #resolve} finds them;
     * a required parameter nobody gave is asked for (or is an error) only when the command reads it.
     */
    public Plan plan(Playbook playbook, String command, Map<String, ?> given) {
        Map<String, Object> values = resolve(playbook, given);
        while (true) {
            try {
                return playbook.plan(command, values);
            } catch (MissingParameterException missing) {
                Param param = missing.param();
                if (values.containsKey(param.name())) {
                    throw missing;
                }
                values.put(param.name(), askForRequired(playbook, param));
            }
        }
    }

    /**
     * The values known before planning: given ones typed; for the others, the default (asked for first on a
     * terminal when the parameter has a prompt, unless defaults are accepted). Required parameters nobody gave are
     * left out: {@link #plan} asks for them if the command needs them.
     *
     * @param given raw values by name: strings from {@code --param}, or values from a params file
     */
    public Map<String, Object> resolve(Playbook playbook, Map<String, ?> given) {
        rejectUnknown(playbook, given);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param param : playbook.params()) {
            Object raw = given.get(param.name());
            if (raw != null) {
                values.put(param.name(), typed(param, raw));
            } else if (!param.required()) {
                values.put(param.name(), optionalValue(param));
            }
        }
        return values;
    }

    private Object optionalValue(Param param) {
        if (!acceptDefaults && param.prompt() != null) {
            Optional<String> answer = prompter.ask(param);
            if (answer.isPresent() && !answer.get().isBlank()) {
                return param.convert(answer.get().strip());
            }
        }
        return param.defaultValue();
    }

    private Object askForRequired(Playbook playbook, Param param) {
        Optional<String> answer = prompter.ask(param);
        if (answer.isPresent() && !answer.get().isBlank()) {
            return param.convert(answer.get().strip());
        }
        throw new InvalidSpecException(playbook.fileName() + ":" + param.line() + ": parameter '" + param.name()
                + "' is required" + (param.description() == null || param.description().isBlank()
                ? "" : " (" + param.description() + ")") + "; give it with --param " + param.name() + "=...");
    }

    private static Object typed(Param param, Object raw) {
        if (raw instanceof List<?> list) {
            return param.convert(list.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return param.convert(String.valueOf(raw));
    }

    private static void rejectUnknown(Playbook playbook, Map<String, ?> given) {
        List<String> known = playbook.params().stream().map(Param::name).sorted().toList();
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                String hint = Suggestions.hint(name, known);
                throw new InvalidSpecException(playbook.fileName() + ": unknown parameter '" + name + "'" + hint
                        + (hint.isEmpty() ? "; " : " ") + (known.isEmpty() ? "it declares none" : "parameters: " + String.join(", ", known)));
            }
        }
    }
}
