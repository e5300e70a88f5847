package io.infrakit.cli;

import io.infrakit.common.Suggestions;
import io.infrakit.spi.Identifiers;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A command line picocli cannot parse, as every other error: one line, {@code infrakit: <command>: <problem>}, and
 * exit 2. An unknown option or command names the one meant when one is close ({@code did you mean '--pretend'?}),
 * else where to look; no usage text follows, as it would bury the line that matters.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("infrakit: " + Identifiers.escapeUnsafe(message(error)));
        err.flush();
        return ExitCode.USAGE;
    }

    static String message(ParameterException error) {
        CommandSpec command = error.getCommandLine().getCommandSpec();
        String where = path(command);
        String prefix = where.isEmpty() ? "" : where + ": ";
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return prefix + unmatched(command, unmatched.getUnmatched().get(0), where);
        }
        String problem = error.getMessage() == null ? "invalid arguments" : error.getMessage();
        return prefix + problem.lines().findFirst().orElse(problem) + "; see '" + help(where) + "'";
    }

    private static String unmatched(CommandSpec command, String argument, String where) {
        if (argument.startsWith("-") && argument.length() > 1) {
            String option = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            String hint = Suggestions.hint(option, optionNames(command));
            return "unknown option '" + option + "'" + (hint.isEmpty() ? "; see '" + help(where) + "'" : hint);
        }
        List<String> commands = new ArrayList<>(command.subcommands().keySet());
        if (commands.isEmpty()) {
            return "unexpected argument '" + argument + "'; see '" + help(where) + "'";
        }
        String hint = Suggestions.hint(argument, commands);
        return "unknown command '" + argument + "'" + (hint.isEmpty() ? "; commands: " + String.join(", ", commands) : hint);
    }

    private static List<String> optionNames(CommandSpec command) {
        List<String> names = new ArrayList<>();
        command.options().forEach(option -> {
            if (!option.hidden()) {
                names.addAll(List.of(option.names()));
            }
        });
        return names;
    }

    /** The command as typed after {@code infrakit}: {@code group commit}; empty for the root. */
    private static String path(CommandSpec command) {
        String qualified = command.qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? "" : qualified.substring(space + 1);
    }

    private static String help(String where) {
        return where.isEmpty() ? "infrakit help" : "infrakit help " + where;
    }
}
