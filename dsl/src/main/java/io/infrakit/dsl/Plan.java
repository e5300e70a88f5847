package io.infrakit.dsl;

import io.infrakit.dsl.internal.PlainValues;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one command of a playbook asks for, in order. {@code params} holds every parameter's typed value, secrets
 * included: show them with {@link Playbook#masked(Map)}, and mask them in any text with {@link Playbook#secrets}.
 */
public record Plan(String playbook, String command, Map<String, Object> params, List<Action> actions)
        implements Serializable {

    public Plan {
        Objects.requireNonNull(playbook, "playbook");
        Objects.requireNonNull(command, "command");
        params = PlainValues.freeze(params);
        actions = List.copyOf(actions);
    }
}
