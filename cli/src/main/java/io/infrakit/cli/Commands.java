package io.infrakit.cli;

import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.PluginException;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;

/** Builds the command tree and its error handling. */
final class Commands {

    private Commands() {
    }

    static CommandLine commandLine(CliEnvironment cli) {
        CommandLine commandLine = new CommandLine(RootCommand.class, factory(cli));
        commandLine.setOut(cli.out());
        commandLine.setErr(cli.err());
        commandLine.setExecutionExceptionHandler((error, leaf, parseResult) -> {
            report(cli.err(), error, leaf.getCommand() instanceof BaseCommand command && command.stacktrace());
            return ExitCode.of(error);
        });
        return commandLine;
    }

    static void report(PrintWriter err, Throwable error, boolean stacktrace) {
        err.println("infrakit: " + oneLine(error));
        if (stacktrace) {
            error.printStackTrace(err);
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
        return message.lines().findFirst().orElse(message);
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
