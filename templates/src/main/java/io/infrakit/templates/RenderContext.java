package io.infrakit.templates;

import freemarker.core.Environment;
import java.util.Map;

/**
 * What the functions of a render in progress need. Freemarker carries it in the {@link Environment}, where the
 * functions, which are shared by all renders, find it.
 *
 * @param variables the template's top-level variables, as plain Java values
 * @param vars the scope var() reads and sets
 * @param depth how many include() or source() calls this render is nested in
 * @param budget the memory budget of the top-level render, which its includes share
 */
record RenderContext(Renderer renderer, Map<String, Object> variables, VarScope vars, int depth,
        DeclaredParams params, MemoryBudget budget) {

    private static final String ATTRIBUTE = RenderContext.class.getName();

    static RenderContext of(Environment environment) {
        return (RenderContext) environment.getCustomAttribute(ATTRIBUTE);
    }

    void attachTo(Environment environment) {
        environment.setCustomAttribute(ATTRIBUTE, this);
    }

    /** The context of a template include()d from this one: its own variables and a fork of the var scope. */
    RenderContext included(Map<String, Object> includedVariables) {
        return new RenderContext(renderer, includedVariables, vars.fork(), deeper(), params, budget);
    }

    /** The context of a template source()d into this one: the same variables and scope. */
    RenderContext sourced() {
        return new RenderContext(renderer, variables, vars, deeper(), params, budget);
    }

    private int deeper() {
        if (depth >= Limits.MAX_INCLUDE_DEPTH) {
            throw new RenderProblem("include depth exceeds " + Limits.MAX_INCLUDE_DEPTH);
        }
        return depth + 1;
    }
}
