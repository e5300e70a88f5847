package io.infrakit.cli;

import io.infrakit.spi.Identifiers;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.PluginException;
import io.infrakit.common.Redactor;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the command tree and its error handling. */
final class Commands {

    private Commands() {
    }

    /** The top-level commands, in the order help lists them. */
    private static final Map<String, Class<?>> TOP_LEVEL = topLevel();

    /**
     * The command tree for these arguments. picocli reflects over every command it is given (tens of ms for the
     * whole tree, on every run), so a run of one top-level command builds that branch alone; help, completion and
     * anything unknown get the whole tree, so their listings and errors stay complete.
     */
    static CommandLine commandLine(CliEnvironment cli, String... args) {
        CommandLine commandLine = new CommandLine(RootCommand.class, factory(cli));
        Class<?> branch = args.length > 0 ? TOP_LEVEL.get(args[0]) : null;
        if (branch == null || branch == HelpCommand.class || branch == AutoComplete.GenerateCompletion.class) {
            TOP_LEVEL.forEach(commandLine::addSubcommand);
        } else {
            commandLine.addSubcommand(args[0], branch);
        }
        commandLine.setOut(cli.out());
        commandLine.setErr(cli.err());
        commandLine.setParameterExceptionHandler(new UsageErrors());
        commandLine.setExecutionExceptionHandler((error, leaf, parseResult) -> {
            BaseCommand command = leaf.getCommand() instanceof BaseCommand base ? base : null;
            report(cli.err(), error, command != null && command.stacktrace(),
                    command == null ? Redactor.none() : command.redactor());
            return ExitCode.of(error);
        });
        return commandLine;
    }

    private static Map<String, Class<?>> topLevel() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("version", VersionCommand.class);
        commands.put("quickstart", QuickstartCommand.class);
        commands.put("manager", ManagerCommand.class);
        commands.put("plugin", PluginCommand.class);
        commands.put("group", GroupCommand.class);
        commands.put("instance", InstanceCommand.class);
        commands.put("template", TemplateCommand.class);
        commands.put("playbook", PlaybookCommand.class);
        commands.put("image", ImageCommand.class);
        commands.put("help", HelpCommand.class);
        commands.put("generate-completion", AutoComplete.GenerateCompletion.class);
        return Collections.unmodifiableMap(commands);
    }

    static void report(PrintWriter err, Throwable error, boolean stacktrace, Redactor secrets) {
        err.println("infrakit: " + secrets.redact(oneLine(error)));
        if (stacktrace) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            err.print(secrets.redact(trace.toString()));
        } else if (!(error instanceof InfrakitException)) {
            err.println("infrakit: (an internal error; run again with --stacktrace for details)");
        }
        err.flush();
    }

    static String oneLine(Throwable error) {
        String message = error instanceof PluginException plugin ? plugin.describe() : error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName();
        }
        // Messages quote what users and plugins wrote; none may steer the terminal it is printed on.
        return Identifiers.escapeUnsafe(message.lines().findFirst().orElse(message));
    }

    private static IFactory factory(CliEnvironment cli) {
        IFactory fallback = CommandLine.defaultFactory();
        return new IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    Class<?>[] parameters = constructor.getParameterTypes();
                    if (parameters.length == 1 && parameters[0] == CliEnvironment.class) {
                        constructor.setAccessible(true);
                        return type.cast(constructor.newInstance(cli));
                    }
                }
                return fallback.create(type);
            }
        };
    }
}
