package io.infrakit.templates;

import java.util.Map;

/** var(), param() and env(): the values a template reads besides its top-level variables. */
final class VariableFunctions {

    private VariableFunctions() {
    }

    /** var(name) reads a session variable; var(name, value) sets it and renders nothing. */
    static Object var(Call call) {
        String name = call.string(0);
        VarScope vars = call.context().vars();
        if (call.count() == 2) {
            if (!call.has(1)) {
                throw call.problem("the value of '" + name + "' is missing");
            }
            vars.set(name, call.value(1));
            return "";
        }
        return vars.get(name).orElseThrow(() -> new RenderProblem("Missing variable '" + name + "'; set: "
                + (vars.names().isEmpty() ? "(none)" : String.join(", ", vars.names()))));
    }

    /**
     * param(name, type[, default[, description]]) declares an input and returns the top-level variable
     * {@code name} converted to {@code type}, else the default.
     */
    static Object param(Call call) {
        String name = call.string(0);
        ParamType type = ParamType.named(call.string(1));
        Object defaultValue = call.has(2) ? type.convert(name, call.value(2)) : null;
        String description = call.has(3) ? call.string(3) : "";
        RenderContext context = call.context();
        context.params().declare(new TemplateParam(name, type.label(), defaultValue, description));
        Object given = context.variables().get(name);
        if (given != null) {
            return type.convert(name, given);
        }
        if (defaultValue == null) {
            throw new RenderProblem("parameter '" + name + "' (" + type.label() + ") is required");
        }
        return defaultValue;
    }

    /** env(name[, default]): a variable of the environment the policy exposes; "" when unset and no default. */
    static Object env(Call call) {
        TemplatePolicy policy = call.context().renderer().policy();
        if (!policy.envAllowed()) {
            throw new RenderProblem("env() is not allowed here: the playbook is not trusted to read the environment");
        }
        Map<String, String> environment = policy.env();
        String value = environment.get(call.string(0));
        if (value != null) {
            return value;
        }
        return call.has(1) ? call.string(1) : "";
    }
}
