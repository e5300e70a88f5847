package io.infrakit.dsl;

import io.infrakit.dsl.internal.CompiledPlaybook;
import io.infrakit.dsl.internal.DidYouMean;
import io.infrakit.dsl.internal.ParamSecrets;
import io.infrakit.dsl.internal.PlanCache;
import io.infrakit.common.Redactor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** A loaded playbook: an immutable view of what its script declares, and the way to plan its commands. */
public final class Playbook {

    private final String fileName;
    private final String description;
    private final List<Param> params;
    private final List<CommandInfo> commands;
    private final Supplier<CompiledPlaybook> compiled;
    private final Optional<PlanCache> plans;
    private final String scriptKey;

    Playbook(String fileName, PlanCache.Outline outline, Supplier<CompiledPlaybook> compiled,
             Optional<PlanCache> plans, String scriptKey) {
        this.fileName = fileName;
        this.description = outline.description();
        this.params = outline.params();
        this.commands = outline.commands();
        this.compiled = compiled;
        this.plans = plans;
        this.scriptKey = scriptKey;
    }

    public String fileName() {
        return fileName;
    }

    /** The script's description, empty if it gives none. */
    public String description() {
        return description;
    }

    public List<Param> params() {
        return params;
    }

    public List<CommandInfo> commands() {
        return commands;
    }

    /**
     * Runs one command's closure with these parameter values, in the sandbox; validates every param first. Values
     * may be typed ({@link Param#convert(String)}) or strings; a missing value takes the parameter's default.
     *
     * @throws DslException e.g. {@code playbook.groovy: unknown command 'nope'; commands: down, scale, up}
     */
    public Plan plan(String command, Map<String, Object> paramValues) {
        Objects.requireNonNull(command, "command");
        List<String> commandNames = commands.stream().map(CommandInfo::name).sorted().toList();
        if (!commandNames.contains(command)) {
            throw DslException.at(fileName, 0, "unknown command '" + command + "'; commands: "
                    + (commandNames.isEmpty() ? "none" : String.join(", ", commandNames)));
        }
        List<String> paramNames = params.stream().map(Param::name).toList();
        for (String name : paramValues.keySet()) {
            if (!paramNames.contains(name)) {
                String hint = DidYouMean.hint(name, paramNames);
                throw DslException.at(fileName, 0, "unknown parameter '" + name + "'" + (hint.isEmpty()
                        ? "; parameters: " + (paramNames.isEmpty() ? "none" : String.join(", ", paramNames))
                        : hint));
            }
        }
        // A plan holds the parameter values: one with a secret in it never goes to disk.
        boolean secret = params.stream().anyMatch(Param::secret);
        Optional<String> planKey = secret ? Optional.empty()
                : plans.flatMap(cache -> PlanCache.planKey(scriptKey, command, paramValues));
        Optional<Plan> known = planKey.flatMap(key -> plans.get().plan(key));
        if (known.isPresent()) {
            return known.get();
        }
        Plan plan;
        try {
            plan = compiled.get().plan(command, paramValues);
        } catch (DslException failed) {
            // The script may have put a secret into its own error (a validate closure, a failed method's message).
            throw failed.redactedBy(secrets(paramValues));
        }
        planKey.ifPresent(key -> plans.get().storePlan(key, plan));
        return plan;
    }

    /**
     * What masks the values of the secret parameters wherever they are shown: in output, errors and logs.
     *
     * @param values typed values or command-line strings by name, e.g. a plan's params; a secret parameter missing
     *               here masks its default
     */
    public Redactor secrets(Map<String, ?> values) {
        return ParamSecrets.of(params, values);
    }

    /** These parameter values with each secret one replaced by {@link Param#MASK}, for display. */
    public Map<String, Object> masked(Map<String, Object> values) {
        Map<String, Object> shown = new LinkedHashMap<>(values);
        for (Param param : params) {
            if (param.secret() && shown.containsKey(param.name())) {
                shown.put(param.name(), Param.MASK);
            }
        }
        return Collections.unmodifiableMap(shown);
    }

    @Override
    public String toString() {
        return "Playbook[" + fileName + ", commands=" + commands.stream().map(CommandInfo::name).toList() + "]";
    }
}
