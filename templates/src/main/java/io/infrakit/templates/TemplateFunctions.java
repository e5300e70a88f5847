package io.infrakit.templates;

import java.util.LinkedHashMap;
import java.util.Map;

/** include() and source(): render another template, in its own scope or in the caller's. */
final class TemplateFunctions {

    private TemplateFunctions() {
    }

    /**
     * Renders a template that sees the caller's top-level variables (with the optional hash merged over them) and
     * a fork of its var() scope; what it assigns stays inside.
     */
    static Object include(Call call) {
        Location location = call.resolve(call.string(0));
        RenderContext caller = call.context();
        Map<String, Object> variables = new LinkedHashMap<>(caller.variables());
        if (call.has(1)) {
            variables.putAll(call.map(1));
        }
        return caller.renderer().render(location, caller.included(variables)).value();
    }

    /** Renders a template as if its text stood in the caller: its var() settings and assignments stay visible. */
    static Object source(Call call) {
        Location location = call.resolve(call.string(0));
        RenderContext caller = call.context();
        return caller.renderer().renderInPlace(location, call.environment(), caller.sourced()).value();
    }
}
