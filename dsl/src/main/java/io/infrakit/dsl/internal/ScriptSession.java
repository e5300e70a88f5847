package io.infrakit.dsl.internal;

import io.infrakit.dsl.Action;
import io.infrakit.common.Redactor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one evaluation of a playbook script: what its top level declares, and, once a command runs, the
 * parameter values it reads and the actions it records.
 */
final class ScriptSession {

    private final Declarations declarations = new Declarations();
    private final List<Action> actions = new ArrayList<>();
    private Map<String, Object> values;
    private Map<String, Object> params;
    private Redactor secrets = Redactor.none();

    Declarations declarations() {
        return declarations;
    }

    /**
     * From now on the script runs a command, which reads these values (lists as copies it may change); secret ones
     * are masked in echoes.
     */
    void startCommand(Map<String, Object> typedValues, Redactor secrets) {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(typedValues));
        Map<String, Object> view = new LinkedHashMap<>();
        typedValues.forEach((name, value) -> view.put(name, value instanceof List<?> list ? new ArrayList<>(list)
                : value));
        params = Collections.unmodifiableMap(view);
        this.secrets = secrets;
    }

    boolean inCommand() {
        return params != null;
    }

    /** The parameter values as the script sees them. */
    Map<String, Object> params() {
        return params;
    }

    /** The parameter values the command is planned with. */
    Map<String, Object> values() {
        return values;
    }

    void requireCommand(String verb) {
        if (!inCommand()) {
            throw new ScriptError(verb + " can only be used inside a command");
        }
    }

    void requireTopLevel(String verb) {
        if (inCommand()) {
            throw new ScriptError(verb + " can only be used at the top level of the playbook");
        }
    }

    void record(Action action) {
        actions.add(action);
    }

    List<Action> actions() {
        return List.copyOf(actions);
    }

    /** The text with each secret parameter value replaced by the mask. */
    String mask(String text) {
        return secrets.redact(text);
    }
}
