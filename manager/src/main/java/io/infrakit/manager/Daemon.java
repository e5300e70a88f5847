package io.infrakit.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.manager.ManagerConfig;
import io.infrakit.engine.manager.ServedPlugin;
import io.infrakit.engine.plugin.PluginRegistry;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The manager daemon in the foreground: the engine with its plugins on their sockets (those the home's
 * {@link ManagerConfig} names, else all), and the launcher's commands
 * on {@code cli.sock}, until SIGTERM or Ctrl-C.
 */
public final class Daemon {

    private Daemon() {
    }

    public static void run(InfrakitHome home, Map<String, String> environment, CommandRunner commands,
                           PrintWriter out) throws InterruptedException {
        PluginRegistry registry = PluginRegistry.load(Daemon.class.getClassLoader());
        Manager manager = Manager.start(home, registry, ManagerConfig.selection(home, registry), environment,
                Clock.systemUTC());
        Optional<CommandServer> commandServer = CommandServer.start(manager.home(), BuildIdentity.ofRunningCode(),
                commands);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            commandServer.ifPresent(CommandServer::close);
            manager.close();
            stopped.countDown();
        }, "manager-shutdown"));
        for (ServedPlugin plugin : manager.plugins()) {
            out.println("serving " + plugin.name() + " (" + plugin.kind() + ") on " + plugin.socket());
        }
        out.println("manager running (pid " + ProcessHandle.current().pid() + ", home " + manager.home().root() + ")");
        out.flush();
        stopped.await();
    }
}
