package io.infrakit.playbooks;

import io.infrakit.dsl.Param;
import io.infrakit.dsl.Playbook;
import io.infrakit.spi.InvalidSpecException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The value of each parameter a playbook declares: given on the command line or in a params file, else asked for
 * on a terminal (the default offered), else the default; a required one nobody gave is an error saying how to give it.
 */
public final class ParameterResolver {

    private final Prompter prompter;
    private final boolean acceptDefaults;

    public ParameterResolver(Prompter prompter, boolean acceptDefaults) {
        this.prompter = prompter;
        this.acceptDefaults = acceptDefaults;
    }

    /** @param given raw values by name: strings from {@code --param}, or values from a params file */
    public Map<String, Object> resolve(Playbook playbook, Map<String, ?> given) {
        rejectUnknown(playbook, given);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param param : playbook.params()) {
            Object raw = given.get(param.name());
            if (raw != null) {
                values.put(param.name(), typed(param, raw));
            } else {
                valueWhenNotGiven(playbook, param).ifPresent(value -> values.put(param.name(), value));
            }
        }
        return values;
    }

    private Optional<Object> valueWhenNotGiven(Playbook playbook, Param param) {
        if (acceptDefaults && !param.required()) {
            return Optional.of(param.defaultValue());
        }
        Optional<String> answer = param.prompt() != null || param.required()
                ? prompter.ask(param) : Optional.empty();
        if (answer.isPresent() && !answer.get().isBlank()) {
            return Optional.of(param.convert(answer.get().strip()));
        }
        if (!param.required()) {
            return Optional.of(param.defaultValue());
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
                throw new InvalidSpecException(playbook.fileName() + ": unknown parameter '" + name + "'; "
                        + (known.isEmpty() ? "it declares none" : "parameters: " + String.join(", ", known)));
            }
        }
    }
}
