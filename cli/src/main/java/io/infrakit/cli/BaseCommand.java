package io.infrakit.cli;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.common.Redactor;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** A command with the global options and the CLI environment; subclasses do one thing and return an exit code. */
public abstract class BaseCommand implements Callable<Integer> {

    @Mixin
    protected GlobalOptions global = new GlobalOptions();

    /** Replaced once the options are read, by one that carries the log level they chose. */
    protected CliEnvironment cli;

    protected BaseCommand(CliEnvironment cli) {
        this.cli = cli;
    }

    protected InfrakitHome home() {
        return cli.home(global.home);
    }

    protected boolean stacktrace() {
        return global.stacktrace;
    }

    /** What the command's error message and stack trace are shown through: the secrets it knows are masked. */
    protected Redactor redactor() {
        return Redactor.none();
    }

    @Override
    public final Integer call() throws Exception {
        cli = cli.withLogLevel(global.logLevel());
        cli.logLevel().applyToThisCommand();
        return run();
    }

    protected abstract int run() throws Exception;
}
