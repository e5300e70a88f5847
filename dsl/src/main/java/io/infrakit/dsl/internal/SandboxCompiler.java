package io.infrakit.dsl.internal;

import groovy.lang.GroovyClassLoader;
import groovy.transform.ThreadInterrupt;
import io.infrakit.dsl.DslException;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.tools.GroovyClass;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Compiles playbook scripts in the sandbox: a fresh {@link GroovyClassLoader} per script (its parent is this
 * module's class loader), {@link PlaybookScript} as the base class, no global AST transformation (so no
 * {@code @Grab}), and these customizers in order: {@link ScriptShapeCustomizer} (CONVERSION), an import of
 * {@link Duration} (a script cannot import it, and parameters may have that type), {@link ScriptSecurityCustomizer}
 * and {@link GuardTransformer} (CANONICALIZATION), then {@link ThreadInterrupt}. The time limit is kept by
 * {@link SandboxRunner}, which interrupts the thread; Groovy's TimedInterrupt is not used, because its check boxes
 * two longs on every loop pass, so an empty loop allocated hundreds of MiB a second.
 */
final class SandboxCompiler {

    static final int MAX_SCRIPT_CHARS = 1024 * 1024;

    /** A script that every part of the sandbox's compiler has to act on. */
    private static final String WARM_UP_SCRIPT = "param 'n', Integer, default: 1\ncommand('up') { echo \"${n * 2}\" }\n";
    private static final Object WARM_UP_LOCK = new Object();
    private static boolean warmedUp;

    private static final String GLOBAL_TRANSFORMS = "META-INF/services/org.codehaus.groovy.transform.ASTTransformation";
    private static final String GRAB_TRANSFORM = "groovy.grape.GrabAnnotationTransformation";

    private final Set<String> globalTransforms;
    private final CompiledScriptCache cache;

    SandboxCompiler(CompiledScriptCache cache) {
        this.cache = cache;
        this.globalTransforms = globalTransforms(PlaybookScript.class.getClassLoader());
    }

    /**
     * Loads Groovy's compiler, once per JVM and outside any script's time limit, unless this script needs no compile:
     * the first compile in a JVM takes seconds (many more on a busy machine) to initialise the compiler, which is
     * not the script's time; later compiles take a fraction of a second.
     */
    void warmUpUnlessCompiled(String scriptText) {
        synchronized (WARM_UP_LOCK) {
            if (warmedUp || scriptText.length() > MAX_SCRIPT_CHARS
                    || cache.get(CompiledScriptCache.key(scriptText)).isPresent()) {
                return;
            }
            compileToBytecode(ScriptLines.SOURCE_NAME, WARM_UP_SCRIPT);
            warmedUp = true;
        }
    }

    Class<? extends PlaybookScript> compile(String fileName, String scriptText) {
        if (scriptText.length() > MAX_SCRIPT_CHARS) {
            throw DslException.at(fileName, 0, "script too large (" + scriptText.length() + " characters; limit "
                    + MAX_SCRIPT_CHARS + ")");
        }
        String key = CompiledScriptCache.key(scriptText);
        CompiledClasses classes = cache.get(key).orElseGet(() -> {
            CompiledClasses compiled = compileToBytecode(fileName, scriptText);
            cache.put(key, compiled);
            return compiled;
        });
        return classes.define(PlaybookScript.class.getClassLoader());
    }

    private CompiledClasses compileToBytecode(String fileName, String scriptText) {
        // Customizers keep state while they run (the interrupt transformations do), so each compile gets its own.
        CompilerConfiguration configuration = configuration();
        GroovyClassLoader loader = new GroovyClassLoader(PlaybookScript.class.getClassLoader(), configuration);
        try {
            CompilationUnit unit = new CompilationUnit(configuration, null, loader);
            unit.addSource(ScriptLines.SOURCE_NAME, scriptText);
            unit.compile(Phases.CLASS_GENERATION);
            Map<String, byte[]> bytecode = new LinkedHashMap<>();
            for (GroovyClass compiled : unit.getClasses()) {
                bytecode.put(compiled.getName(), compiled.getBytes());
            }
            return new CompiledClasses(unit.getFirstClassNode().getName(), bytecode);
        } catch (MultipleCompilationErrorsException failed) {
            throw firstError(fileName, failed);
        } catch (CompilationFailedException failed) {
            throw DslException.at(fileName, 0, ScriptFailures.firstLine(failed.getMessage(), "compilation failed"));
        }
    }

    private CompilerConfiguration configuration() {
        CompilerConfiguration configuration = new CompilerConfiguration();
        configuration.setScriptBaseClass(PlaybookScript.class.getName());
        configuration.setDisabledGlobalASTTransformations(globalTransforms);
        configuration.addCompilationCustomizers(
                new ScriptShapeCustomizer(),
                new ImportCustomizer().addImports(Duration.class.getName()),
                new ScriptSecurityCustomizer(),
                new GuardTransformer(),
                new ASTTransformationCustomizer(ThreadInterrupt.class));
        return configuration;
    }

    private static DslException firstError(String fileName, MultipleCompilationErrorsException failed) {
        Message first = failed.getErrorCollector().getErrors().get(0);
        if (first instanceof SyntaxErrorMessage syntax) {
            SyntaxException cause = syntax.getCause();
            String reason = ScriptFailures.firstLine(cause.getOriginalMessage(), "syntax error");
            return DslException.at(fileName, cause.getLine(), cause.getStartColumn(), reason);
        }
        if (first instanceof ExceptionMessage exception) {
            Exception cause = exception.getCause();
            if (cause instanceof SandboxViolation violation) {
                return DslException.at(fileName, violation.line(), violation.getMessage());
            }
            String reason = ScriptFailures.firstLine(cause.getMessage(), cause.getClass().getSimpleName());
            if (cause.getCause() != null && cause.getCause() != cause) {
                reason += ": " + ScriptFailures.firstLine(cause.getCause().getMessage(), "");
            }
            return DslException.at(fileName, 0, reason);
        }
        String text = first instanceof SimpleMessage simple ? simple.getMessage() : String.valueOf(first);
        return DslException.at(fileName, 0, ScriptFailures.firstLine(text, "compilation failed"));
    }

    /** Every global AST transformation the class path declares, and Grab's even if it does not: none may run. */
    private static Set<String> globalTransforms(ClassLoader loader) {
        Set<String> names = new HashSet<>();
        names.add(GRAB_TRANSFORM);
        try {
            for (URL services : Collections.list(loader.getResources(GLOBAL_TRANSFORMS))) {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(services.openStream(), StandardCharsets.UTF_8))) {
                    lines.lines().map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .forEach(names::add);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot list Groovy's global AST transformations", unreadable);
        }
        return Set.copyOf(names);
    }
}
