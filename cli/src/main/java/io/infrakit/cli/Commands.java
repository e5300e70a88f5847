package io.infrakit.cli;

import io.infrakit.spi.Identifiers;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.PluginException;
import io.infrakit.common.Redactor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;

/** Builds the command tree and its error handling. */
public final class Commands {

    private Commands() {
    }

    /** The whole command tree, declared by the commands' annotations from {@link RootCommand} down. */
    static CommandLine commandLine(CliEnvironment cli) {
        CommandLine commandLine = new CommandLine(RootCommand.class, factory(cli));
        addHelpOption(commandLine);
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

    /**
     * Every command takes -h/--help and prints its own usage. A command that declares its own keeps it:
     * {@code playbook run} also lists its playbook's parameters.
     */
    private static void addHelpOption(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        command.getSubcommands().values().forEach(Commands::addHelpOption);
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

    public static String oneLine(Throwable error) {
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
