package io.infrakit.cli;

import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.manager.ServedPlugin;
import io.infrakit.engine.plugin.PluginRegistry;
import picocli.CommandLine.Command;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

@Command(name = "run", description = "Run the manager in the foreground until it is stopped (SIGTERM or Ctrl-C).")
final class ManagerRunCommand extends BaseCommand {

    ManagerRunCommand(CliEnvironment cli) {
        super(cli);
    }

    @Override
    int run() throws InterruptedException {
        Manager manager = Manager.start(home(), PluginRegistry.load(Main.class.getClassLoader()),
                cli.environment(), Clock.systemUTC());
        Optional<CommandServer> commands = CommandServer.start(manager.home(), BuildIdentity.ofRunningCode(),
                manager.groups());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            commands.ifPresent(CommandServer::close);
            manager.close();
            stopped.countDown();
        }, "manager-shutdown"));
        for (ServedPlugin plugin : manager.plugins()) {
            cli.out().println("serving " + plugin.name() + " on " + plugin.socket());
        }
        cli.out().println("manager running (pid " + ProcessHandle.current().pid() + ", home " + manager.home().root() + ")");
        cli.out().flush();
        stopped.await();
        return ExitCode.OK;
    }
}
