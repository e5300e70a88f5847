package io.infrakit.dsl;

import io.infrakit.dsl.internal.CompiledPlaybook;
import io.infrakit.dsl.internal.Memoized;
import io.infrakit.dsl.internal.PlanCache;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads playbook scripts into {@link Playbook}s, in the sandbox described in docs/security.md. Thread-safe:
 * create one per set of limits and reuse it.
 */
public final class PlaybookDsl {

    private final CompiledPlaybook.Loader loader;
    private final SandboxLimits limits;
    private final Optional<PlanCache> plans;

    public PlaybookDsl(SandboxLimits limits) {
        this(limits, Optional.empty());
    }

    /**
     * @param compiledScripts where compiled scripts are kept between runs (under INFRAKIT_HOME): a script seen
     *                        before skips Groovy's compiler, which is most of a cold start
     */
    public PlaybookDsl(SandboxLimits limits, Optional<Path> compiledScripts) {
        this.loader = CompiledPlaybook.loader(Objects.requireNonNull(limits, "limits"), compiledScripts);
        this.limits = limits;
        this.plans = compiledScripts.map(directory -> new PlanCache(directory.resolve("plans")));
    }

    /**
     * Compiles the script in the sandbox and runs its top level, which declares params and commands. With a cache
     * directory, a script seen before is not even compiled until a command is planned that was not planned before.
     *
     * @param fileName what errors show, e.g. {@code playbook.groovy}
     * @throws DslException with a one-line message such as {@code playbook.groovy:14: unknown method 'grup'}
     */
    public Playbook load(String fileName, String scriptText) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(scriptText, "scriptText");
        String scriptKey = PlanCache.scriptKey(fileName, scriptText, limits.timeout());
        Optional<PlanCache.Outline> known = plans.flatMap(cache -> cache.outline(scriptKey));
        if (known.isPresent()) {
            return new Playbook(fileName, known.get(), new Memoized<>(() -> loader.load(fileName, scriptText)), plans,
                    scriptKey);
        }
        CompiledPlaybook compiled = loader.load(fileName, scriptText);
        PlanCache.Outline outline = new PlanCache.Outline(compiled.description(), compiled.params(),
                compiled.commands());
        plans.ifPresent(cache -> cache.storeOutline(scriptKey, outline));
        return new Playbook(fileName, outline, () -> compiled, plans, scriptKey);
    }
}
