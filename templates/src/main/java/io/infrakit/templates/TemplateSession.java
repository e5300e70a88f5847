package io.infrakit.templates;

import java.nio.file.Path;
import java.util.Map;

/**
 * The renders of one playbook run or CLI render. They share the variables var() sets: a template rendered later
 * in the session reads what an earlier one set. Use a session from one thread at a time.
 */
public final class TemplateSession {

    private final Renderer renderer;
    private final VarScope globals = VarScope.root();

    TemplateSession(Renderer renderer) {
        this.renderer = renderer;
    }

    /**
     * Renders the template at {@code location}: a relative or absolute file path, a file://, http(s):// or
     * str://&lt;inline body&gt; URL. Relative paths resolve against this process's working directory.
     */
    public Rendered render(String location, Map<String, ?> vars) {
        return render(location, Path.of(""), vars);
    }

    /** Renders the template at {@code location}; a relative path resolves against {@code workingDirectory}. */
    public Rendered render(String location, Path workingDirectory, Map<String, ?> vars) {
        Location where;
        try {
            where = Location.inDirectory(workingDirectory).resolve(location);
        } catch (RenderProblem problem) {
            throw new TemplateException(problem.getMessage(), problem);
        }
        return renderer.renderTop(where, PlainValues.variables(vars), globals);
    }

    /** Renders {@code body}, shown as {@code name}; paths it refers to resolve against {@code baseDir}. */
    public Rendered renderString(String name, String body, Path baseDir, Map<String, ?> vars) {
        Location where = new Location.Inline(name, body, Location.inDirectory(baseDir));
        return renderer.renderTop(where, PlainValues.variables(vars), globals);
    }

    /** The variables var() set in this session, read-only. */
    public Map<String, Object> globals() {
        return globals.view();
    }
}
