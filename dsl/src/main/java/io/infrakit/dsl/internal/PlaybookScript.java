package io.infrakit.dsl.internal;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.Script;
import io.infrakit.dsl.BuildImage;
import io.infrakit.dsl.CommandInfo;
import io.infrakit.dsl.CommitGroup;
import io.infrakit.dsl.DestroyGroup;
import io.infrakit.dsl.Echo;
import io.infrakit.dsl.InlineSpec;
import io.infrakit.dsl.Param;
import io.infrakit.dsl.ScaleGroup;
import io.infrakit.dsl.SpecSource;
import io.infrakit.dsl.TemplateSpec;

import java.io.File;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The base class of every playbook script: its public methods are the DSL verbs. The top level of a script calls
 * {@code description}, {@code param} and {@code command}; a command's closure calls {@code image},
 * {@code template}, {@code group}, {@code scale}, {@code destroy} and {@code echo}, and reads parameters by name.
 * Nothing here touches files, the network or the console: the verbs only record what the script asks for.
 */
public abstract class PlaybookScript extends Script {

    /**
     * The fields of a compiled script: a script cannot declare any ({@code @Field} is an annotation), so they are
     * the ones the interrupt transformations add, which the script's closures read as properties.
     */
    private static final ClassValue<Set<String>> GENERATED_FIELDS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getDeclaredFields()).map(Field::getName).collect(Collectors.toUnmodifiableSet());
        }
    };

    private static final String NAMELESS_COMMAND = "a command needs a name: command('up') { ... }";

    protected PlaybookScript() {
    }

    protected PlaybookScript(Binding binding) {
        super(binding);
    }

    // ---- the top level: declarations
    // Parameters are Objects, checked here: a wrong argument then gets the verb's usage, not Groovy's overload list.

    public void description(Object text) {
        session().requireTopLevel("description");
        session().declarations().describe(text(text, "description"), ScriptLines.current());
    }

    public void param(Object name, Object type) {
        param(Map.of(), name, type);
    }

    public void param(Map<String, Object> options, Object name, Object type) {
        session().requireTopLevel("param");
        int line = ScriptLines.current();
        session().declarations().add(ParamDeclarations.declare(text(name, "param"), type, options, line));
    }

    public void command(Object name, Closure<?> body) {
        command(Map.of(), name, body);
    }

    public void command(Map<String, Object> options, Object name, Closure<?> body) {
        session().requireTopLevel("command");
        if (name == null || name.toString().isBlank()) {
            throw new ScriptError(NAMELESS_COMMAND);
        }
        String commandName = text(name, "command");
        for (String option : options.keySet()) {
            if (!option.equals("description")) {
                throw new ScriptError("command '" + commandName + "': unknown option '" + option + "'"
                        + DidYouMean.hint(option, List.of("description")));
            }
        }
        String description = text(options.getOrDefault("description", ""), "command");
        CommandInfo info = new CommandInfo(commandName, description, ScriptLines.current());
        session().declarations().add(new DeclaredCommand(info, body));
    }

    public void command(Closure<?> body) {
        throw new ScriptError(NAMELESS_COMMAND);
    }

    public void command(Map<String, Object> options, Closure<?> body) {
        throw new ScriptError(NAMELESS_COMMAND);
    }

    // ---- inside a command: actions

    public ImageRef image(Object file) {
        return image(Map.of(), file);
    }

    public ImageRef image(Map<String, Object> options, Object file) {
        session().requireCommand("image");
        String path = PlaybookPaths.inside(text(file, "image"));
        for (String option : options.keySet()) {
            if (!option.equals("vars")) {
                throw new ScriptError("image: unknown option '" + option + "'" + DidYouMean.hint(option,
                        List.of("vars")));
            }
        }
        if (!(options.getOrDefault("vars", Map.of()) instanceof Map<?, ?> vars)) {
            throw new ScriptError(DslVerbs.usage("image"));
        }
        session().record(new BuildImage(path, PlainValues.toPlainMap(vars), ScriptLines.current()));
        return new ImageRef(path);
    }

    public TemplateSpec template(Object path) {
        return template(path, Map.of());
    }

    public TemplateSpec template(Object path, Object vars) {
        if (!(vars instanceof Map<?, ?> map)) {
            throw new ScriptError(DslVerbs.usage("template"));
        }
        return new TemplateSpec(PlaybookPaths.inside(text(path, "template")), PlainValues.toPlainMap(map));
    }

    /** {@code template('x.json.ftl', size: 3)}: Groovy passes named arguments first. */
    public TemplateSpec template(Map<?, ?> vars, Object path) {
        return template(path, vars);
    }

    public void group(Object id, Object spec) {
        session().requireCommand("group");
        SpecSource source;
        if (spec instanceof TemplateSpec template) {
            source = template;
        } else if (spec instanceof Map<?, ?> map) {
            source = new InlineSpec(PlainValues.toPlainMap(map));
        } else if (spec instanceof CharSequence path) {
            source = new TemplateSpec(PlaybookPaths.inside(path.toString()), Map.of());
        } else {
            throw new ScriptError(DslVerbs.usage("group"));
        }
        session().record(new CommitGroup(groupId(id, "group"), source, ScriptLines.current()));
    }

    public void scale(Object id, Object size) {
        session().requireCommand("scale");
        String group = groupId(id, "scale");
        boolean integral = size instanceof Integer || size instanceof Long || size instanceof Short
                || size instanceof Byte || size instanceof BigInteger;
        if (!integral) {
            throw new ScriptError(DslVerbs.usage("scale"));
        }
        BigInteger value = new BigInteger(size.toString());
        if (value.signum() < 0 || value.bitLength() > 31) {
            throw new ScriptError("scale: size must be between 0 and " + Integer.MAX_VALUE + ", got " + size);
        }
        session().record(new ScaleGroup(group, value.intValue(), ScriptLines.current()));
    }

    public void destroy(Object id) {
        session().requireCommand("destroy");
        session().record(new DestroyGroup(groupId(id, "destroy"), ScriptLines.current()));
    }

    public void echo(Object message) {
        session().requireCommand("echo");
        String text = session().mask(String.valueOf(PlainValues.toPlain(message)));
        session().record(new Echo(text, ScriptLines.current()));
    }

    // ---- Script's console methods record echoes instead of printing

    @Override
    public void println(Object message) {
        echo(message);
    }

    @Override
    public void println() {
        echo("");
    }

    @Override
    public void print(Object message) {
        echo(message);
    }

    @Override
    public void printf(String format, Object value) {
        echo(String.format(format, value));
    }

    @Override
    public void printf(String format, Object[] values) {
        echo(String.format(format, values));
    }

    // ---- Script's ways to run other code are closed (the compiler rejects these names too)

    @Override
    public Object evaluate(String expression) {
        throw new ScriptError("'evaluate' is not allowed");
    }

    @Override
    public Object evaluate(File file) {
        throw new ScriptError("'evaluate' is not allowed");
    }

    @Override
    public void run(File file, String[] arguments) {
        throw new ScriptError("'run' is not allowed");
    }

    // ---- names: parameters inside commands, and the variables the top level assigns

    @Override
    public Object getProperty(String name) {
        ScriptSession session = session();
        boolean paramName = name.equals("params") || session.declarations().declaresParam(name);
        if (paramName && !session.inCommand()) {
            throw new ScriptError("parameter '" + name + "' can only be read inside a command");
        }
        if (name.equals("params")) {
            return session.params();
        }
        if (paramName) {
            if (!session.params().containsKey(name)) {
                throw new ParameterNotGiven(session.declarations().params().stream()
                        .filter(param -> param.name().equals(name)).findFirst().orElseThrow());
            }
            return session.params().get(name);
        }
        if (getBinding().hasVariable(name)) {
            return getBinding().getVariable(name);
        }
        if (GENERATED_FIELDS.get(getClass()).contains(name)) {
            return getMetaClass().getProperty(this, name);
        }
        List<String> known = new ArrayList<>(session.declarations().params().stream().map(Param::name).toList());
        known.add("params");
        for (Object variable : getBinding().getVariables().keySet()) {
            known.add(String.valueOf(variable));
        }
        throw new UndefinedVariableException(name, getClass(),
                "variable '" + name + "' is not defined" + DidYouMean.hint(name, known));
    }

    @Override
    public void setProperty(String name, Object value) {
        if (name.equals("params") || session().declarations().declaresParam(name)) {
            throw new ScriptError("parameter '" + name + "' cannot be assigned");
        }
        getBinding().setVariable(name, value);
    }

    private static String groupId(Object id, String verb) {
        String text = text(id, verb);
        if (text.isBlank()) {
            throw new ScriptError(DslVerbs.usage(verb));
        }
        return text;
    }

    /** A String argument of a verb (a GString becomes a String), or the verb's usage as the error. */
    private static String text(Object value, String verb) {
        if (!(value instanceof CharSequence text)) {
            throw new ScriptError(DslVerbs.usage(verb));
        }
        return text.toString();
    }

    private ScriptSession session() {
        return ((SessionBinding) getBinding()).session();
    }
}
