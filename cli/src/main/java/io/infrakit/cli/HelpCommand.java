package io.infrakit.cli;

import io.infrakit.common.Suggestions;
import io.infrakit.common.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code infrakit help group commit}: the usage of the command at that path, exactly as {@code group commit --help}
 * prints it. picocli's own help command looks one level down only.
 */
@Command(name = "help", helpCommand = true,
        description = "Print the usage of a command, e.g. 'infrakit help group commit'.")
final class HelpCommand implements Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command's path, e.g. group commit")
    List<String> path = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        CommandLine command = spec.root().commandLine();
        List<String> walked = new ArrayList<>();
        for (String name : path) {
            CommandLine next = command.getSubcommands().get(name);
            if (next == null) {
                throw new UsageException("help: no command '" + String.join(" ", append(walked, name)) + "'"
                        + Suggestions.closest(name, command.getSubcommands().keySet())
                                .map(closest -> "; did you mean '" + String.join(" ", append(walked, closest)) + "'?")
                                .orElse(""));
            }
            walked.add(name);
            command = next;
        }
        command.usage(command.getOut(), command.getColorScheme());
    }

    private static List<String> append(List<String> path, String name) {
        List<String> longer = new ArrayList<>(path);
        longer.add(name);
        return longer;
    }
}
