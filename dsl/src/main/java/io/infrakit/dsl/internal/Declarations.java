package io.infrakit.dsl.internal;

import io.infrakit.dsl.CommandInfo;
import io.infrakit.dsl.Param;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the top level of a playbook script declares: its description, parameters and commands, in order. */
final class Declarations {

    private String description = "";
    private int descriptionLine;
    private final Map<String, DeclaredParam> params = new LinkedHashMap<>();
    private final Map<String, DeclaredCommand> commands = new LinkedHashMap<>();

    void describe(String text, int line) {
        if (descriptionLine > 0) {
            throw new ScriptError(line, "the description is already set on line " + descriptionLine);
        }
        description = text;
        descriptionLine = line;
    }

    void add(DeclaredParam declared) {
        Param param = declared.param();
        DeclaredParam earlier = params.putIfAbsent(param.name(), declared);
        if (earlier != null) {
            throw new ScriptError(param.line(), "parameter '" + param.name() + "' is already defined on line "
                    + earlier.param().line());
        }
    }

    void add(DeclaredCommand declared) {
        CommandInfo info = declared.info();
        DeclaredCommand earlier = commands.putIfAbsent(info.name(), declared);
        if (earlier != null) {
            throw new ScriptError(info.line(), "command '" + info.name() + "' is already defined on line "
                    + earlier.info().line());
        }
    }

    boolean declaresParam(String name) {
        return params.containsKey(name);
    }

    String description() {
        return description;
    }

    List<Param> params() {
        return params.values().stream().map(DeclaredParam::param).toList();
    }

    List<CommandInfo> commands() {
        return commands.values().stream().map(DeclaredCommand::info).toList();
    }

    Collection<DeclaredParam> declaredParams() {
        return new ArrayList<>(params.values());
    }

    Optional<DeclaredCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }
}
