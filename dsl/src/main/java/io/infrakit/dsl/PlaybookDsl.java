package io.infrakit.dsl;

import io.infrakit.dsl.internal.CompiledPlaybook;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads playbook scripts into {@link Playbook}s, in the sandbox described in the module's README. Thread-safe:
 * create one per set of limits and reuse it.
 */
public final class PlaybookDsl {

    private final CompiledPlaybook.Loader loader;

    public PlaybookDsl(SandboxLimits limits) {
        this(limits, Optional.empty());
    }

    /**
     * @param compiledScripts where compiled scripts are kept between runs (under INFRAKIT_HOME): a script seen
     *                        before skips Groovy's compiler, which is most of a cold start
     */
    public PlaybookDsl(SandboxLimits limits, Optional<Path> compiledScripts) {
        this.loader = CompiledPlaybook.loader(Objects.requireNonNull(limits, "limits"), compiledScripts);
    }

    /**
     * Compiles the script in the sandbox and runs its top level, which declares params and commands.
     *
     * @param fileName what errors show, e.g. {@code playbook.groovy}
     * @throws DslException with a one-line message such as {@code playbook.groovy:14: unknown method 'grup'}
     */
    public Playbook load(String fileName, String scriptText) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(scriptText, "scriptText");
        return new Playbook(fileName, loader.load(fileName, scriptText));
    }
}
