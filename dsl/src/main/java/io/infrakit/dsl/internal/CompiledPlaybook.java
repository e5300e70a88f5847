package io.infrakit.dsl.internal;

import io.infrakit.dsl.CommandInfo;
import io.infrakit.dsl.Param;
import io.infrakit.dsl.Plan;
import io.infrakit.dsl.SandboxLimits;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;

/**
 * A compiled playbook script and what its top level declares. Every plan evaluates a fresh instance of the script
 * (top level, then the command), so plans share no state and may run concurrently.
 */
public final class CompiledPlaybook {

    private final String fileName;
    private final Class<? extends PlaybookScript> scriptClass;
    private final SandboxRunner runner;
    private final String description;
    private final List<Param> params;
    private final List<CommandInfo> commands;

    private CompiledPlaybook(String fileName, Class<? extends PlaybookScript> scriptClass, SandboxRunner runner,
                             Declarations declarations) {
        this.fileName = fileName;
        this.scriptClass = scriptClass;
        this.runner = runner;
        // Only plain values leave the sandbox thread: no closure or other object of the script.
        this.description = declarations.description();
        this.params = declarations.params();
        this.commands = declarations.commands();
    }

    /** A compiler for one set of limits; it may be shared between threads. */
    public static Loader loader(SandboxLimits limits, java.util.Optional<java.nio.file.Path> cacheDirectory) {
        return new Loader(new SandboxCompiler(new CompiledScriptCache(cacheDirectory)),
                new SandboxRunner(limits));
    }

    public String description() {
        return description;
    }

    public List<Param> params() {
        return params;
    }

    public List<CommandInfo> commands() {
        return commands;
    }

    /** Plans {@code command} (which the caller has checked exists) with these values, in the sandbox. */
    public Plan plan(String command, Map<String, Object> givenValues) {
        return runner.run(fileName, () -> {
            SandboxRunner.chargeAllocationsFromHere();
            ScriptSession session = evaluate(scriptClass, command, givenValues);
            return new Plan(fileName, command, session.values(), session.actions());
        });
    }

    /** Runs a fresh instance of the script: its top level, then the command with these values. */
    static ScriptSession evaluate(Class<? extends PlaybookScript> scriptClass, String command,
                                  Map<String, Object> givenValues) throws Exception {
        ScriptSession session = new ScriptSession();
        evaluateTopLevel(scriptClass, session);
        Declarations declared = session.declarations();
        DeclaredCommand body = declared.command(command)
                .orElseThrow(() -> new ScriptError("command '" + command + "' is no longer declared"));
        Map<String, Object> values = ParamCheck.values(declared, givenValues);
        session.startCommand(values, ParamSecrets.of(declared.params(), values));
        body.body().call();
        return session;
    }

    private static void evaluateTopLevel(Class<? extends PlaybookScript> scriptClass, ScriptSession session)
            throws Exception {
        PlaybookScript script;
        try {
            script = scriptClass.getConstructor(groovy.lang.Binding.class).newInstance(new SessionBinding(session));
        } catch (InvocationTargetException failed) {
            throw failed.getCause() instanceof Exception cause ? cause : failed;
        }
        script.run();
    }

    /** Compiles scripts and evaluates their top level, both in the sandbox. */
    public static final class Loader {

        private final SandboxCompiler compiler;
        private final SandboxRunner runner;

        private Loader(SandboxCompiler compiler, SandboxRunner runner) {
            this.compiler = compiler;
            this.runner = runner;
        }

        public CompiledPlaybook load(String fileName, String scriptText) {
            compiler.warmUpUnlessCompiled(scriptText);
            return runner.run(fileName, () -> {
                Class<? extends PlaybookScript> scriptClass = compiler.compile(fileName, scriptText);
                SandboxRunner.chargeAllocationsFromHere();
                ScriptSession session = new ScriptSession();
                evaluateTopLevel(scriptClass, session);
                return new CompiledPlaybook(fileName, scriptClass, runner, session.declarations());
            });
        }
    }
}
