package io.infrakit.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.manager.Manager;
import io.infrakit.engine.manager.ManagerConfig;
import io.infrakit.engine.manager.PluginSelection;
import io.infrakit.engine.manager.ServedPlugin;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.manager.process.PluginSupervisor;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The manager daemon in the foreground: the engine with its plugins on their sockets (those the home's
 * {@link ManagerConfig} names, else all), and the launcher's commands
 * on {@code cli.sock}, and the plugin processes its config names ({@link PluginSupervisor}), until SIGTERM or Ctrl-C.
 */
public final class Daemon {

    private Daemon() {
    }

    /**
     * @param pluginRun the main class and arguments that run one built-in plugin on its own
     *                  ({@code infrakit plugin run}); the supervisor adds {@code KIND:NAME}
     */
    public static void run(InfrakitHome home, Map<String, String> environment, CommandRunner commands,
                           List<String> pluginRun, PrintWriter out) throws InterruptedException {
        PluginRegistry registry = PluginRegistry.load(Daemon.class.getClassLoader());
        Clock clock = Clock.systemUTC();
        List<PluginSelection> selection = ManagerConfig.selection(home, registry);
        PluginSupervisor processes = new PluginSupervisor(home, environment,
                ManagerProcess.javaCommand(pluginRun), PluginSupervisor.lifecycle(environment), clock);
        Manager manager = Manager.start(home, registry, selection, environment, clock, processes);
        processes.start();
        Optional<CommandServer> commandServer = CommandServer.start(manager.home(), BuildIdentity.ofRunningCode(),
                commands);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            commandServer.ifPresent(CommandServer::close);
            processes.close();
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
