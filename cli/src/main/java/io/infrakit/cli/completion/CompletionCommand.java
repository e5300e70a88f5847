package io.infrakit.cli.completion;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.GroupIdParameter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code generate-completion}: picocli's bash/zsh completion of commands and options, with names on top: a group
 * ID after the commands that take one, an added playbook's name after those that take one, and a plugin after
 * {@code --plugin}, each asked of {@code infrakit complete-names} when the user presses TAB.
 */
@Command(name = "generate-completion",
        description = {"Print a bash/zsh completion script for infrakit: commands, options, and the names of groups, "
                + "playbooks and plugins.", "Run: source <(infrakit generate-completion)"})
public final class CompletionCommand extends BaseCommand {

    private static final List<String> PLAYBOOK_COMMANDS = List.of("playbook run", "playbook show",
            "playbook update", "playbook rm");

    @Spec
    CommandSpec spec;

    CompletionCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() {
        CommandLine root = spec.root().commandLine();
        cli.out().print(AutoComplete.bash("infrakit", root));
        cli.out().print(names(groupCommands(root)));
        cli.out().flush();
        return ExitCode.OK;
    }

    /** The commands whose first argument is a group ID (they mix in {@link GroupIdParameter}). */
    static List<String> groupCommands(CommandLine root) {
        List<String> commands = new ArrayList<>();
        for (Map.Entry<String, CommandLine> group : root.getSubcommands().entrySet()) {
            for (Map.Entry<String, CommandLine> leaf : group.getValue().getSubcommands().entrySet()) {
                boolean takesGroup = leaf.getValue().getCommandSpec().mixins().values().stream()
                        .anyMatch(mixin -> mixin.userObject() instanceof GroupIdParameter);
                if (takesGroup) {
                    commands.add(group.getKey() + " " + leaf.getKey());
                }
            }
        }
        return commands;
    }

    private static String names(List<String> groupCommands) {
        return """

                # Names, asked of infrakit itself when TAB is pressed; everything else is picocli's completion above.
                _infrakit_names() {
                  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" kind=""
                  if [ "$prev" = "--plugin" ]; then
                    kind=plugins
                  elif [ "$COMP_CWORD" -eq 3 ] && [[ "$cur" != -* ]]; then
                    case "${COMP_WORDS[1]} ${COMP_WORDS[2]}" in
                      %s) kind=groups ;;
                      %s) kind=playbooks ;;
                    esac
                  fi
                  if [ -n "$kind" ]; then
                    local IFS=$'\\n'
                    COMPREPLY=( $(compgen -W "$("${COMP_WORDS[0]}" complete-names "$kind" 2>/dev/null)" -- "$cur") )
                    return 0
                  fi
                  _complete_infrakit "$@"
                }
                complete -F _infrakit_names -o default infrakit infrakit.sh infrakit.bash ./infrakit
                """.formatted(quoted(groupCommands), quoted(PLAYBOOK_COMMANDS));
    }

    private static String quoted(List<String> commands) {
        return String.join("|", commands.stream().map(command -> "\"" + command + "\"").toList());
    }
}
