package io.infrakit.cli.plugin;

import io.infrakit.cli.BaseCommand;
import io.infrakit.cli.CliEnvironment;
import io.infrakit.cli.ExitCode;
import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.manager.PluginSelection;
import io.infrakit.engine.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/** {@code plugin run KIND[:NAME]}: one built-in plugin as a process of its own, in the foreground. */
@Command(name = "run", description = "Run one built-in plugin as a process of its own, serving its socket in "
        + "$INFRAKIT_PLUGINS_DIR, in the foreground until SIGTERM or Ctrl-C; its socket goes with it. The manager runs "
        + "the plugins config's built-in kinds this way (docs/plugins-processes.md). Exit 4 for an unknown kind, 2 "
        + "for a bad name, 7 when a running plugin answers on that socket.")
public final class PluginRunCommand extends BaseCommand {

    @Parameters(paramLabel = "KIND[:NAME]", description = "The plugin to run, under NAME (default: the kind's own name)")
    String plugin;

    PluginRunCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    protected int run() throws InterruptedException {
        InfrakitHome home = home();
        AutoCloseable served = Manager.serveAlone(home, PluginRegistry.load(PluginRunCommand.class.getClassLoader()),
                PluginSelection.parse(plugin), cli.environment(), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                served.close();
            } catch (Exception e) {
                cli.err().println("could not stop plugin " + plugin + ": " + e.getMessage());
            }
            stopped.countDown();
        }, "plugin-shutdown"));
        PluginSelection selection = PluginSelection.parse(plugin);
        cli.out().println("serving " + selection.name() + " (" + selection.kind() + ") on "
                + home.pluginsDir().resolve(selection.name()) + " (pid " + ProcessHandle.current().pid() + ")");
        cli.out().flush();
        stopped.await();
        return ExitCode.OK;
    }
}
