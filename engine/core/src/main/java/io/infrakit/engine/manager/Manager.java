package io.infrakit.engine.manager;

import io.infrakit.engine.InfrakitHome;
import io.infrakit.engine.PrivateHome;
import io.infrakit.engine.group.GroupAsController;
import io.infrakit.engine.plugin.PluginRegistry;
import io.infrakit.common.AtomicFiles;
import io.infrakit.common.OwnerOnly;
import io.infrakit.engine.store.FileSpecStore;
import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.PluginServer;
import io.infrakit.rpc.ServedObjects;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.plugin.PluginContext;
import io.infrakit.spi.plugin.PluginObjects;
import io.infrakit.spi.plugin.PluginProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manager daemon: hosts the built-in plugins, serves each on its own socket in the plugins directory, and
 * keeps the user's group specs so it can commit them again after a restart. Its home, sockets and files are its
 * user's alone. Which plugins, under which names, is a {@link PluginSelection}. Its own group plugin (kind
 * {@code manager}, by default named {@code group}) also serves the groups as controllers, as InfraKit's manager
 * does: {@code group/groups} for any, {@code group/<id>} for one; and the user's metadata ({@code group/vars}, kept
 * in {@code configs/vars.json}) and the manager's read-only {@code group/status}.
 */
public final class Manager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Manager.class);

    private final InfrakitHome home;
    private final ManagerLock lock;
    private final List<PluginServer> servers;
    private final List<ServedPlugin> served;
    private final List<PluginObjects> hosted;
    private final StoredGroupRecommits recommits;
    private final Optional<PersistingGroupPlugin> groups;

    private Manager(InfrakitHome home, ManagerLock lock, List<PluginServer> servers, List<ServedPlugin> served,
                    List<PluginObjects> hosted, StoredGroupRecommits recommits, Optional<PersistingGroupPlugin> groups) {
        this.home = home;
        this.groups = groups;
        this.recommits = recommits;
        this.lock = lock;
        this.servers = servers;
        this.served = served;
        this.hosted = hosted;
    }

    /** Serves every plugin of {@code registry} under its default name ({@link PluginSelection#defaults}). */
    public static Manager start(InfrakitHome home, PluginRegistry registry, Map<String, String> environment,
                                Clock clock) {
        return start(home, registry, PluginSelection.defaults(registry), environment, clock);
    }

    /**
     * Serves the {@code selection}, each plugin on a socket of its chosen name; the plugins this process hosts
     * find each other by those names too.
     */
    public static Manager start(InfrakitHome home, PluginRegistry registry, List<PluginSelection> selection,
                                Map<String, String> environment, Clock clock) {
        return start(home, registry, selection, environment, clock, ProcessPluginStatus.none());
    }

    /** The same, with the plugins it runs as processes ({@code processes} says when one cannot be called). */
    public static Manager start(InfrakitHome home, PluginRegistry registry, List<PluginSelection> selection,
                                Map<String, String> environment, Clock clock, ProcessPluginStatus processes) {
        List<PluginSelection> plugins = PluginSelection.check(selection, registry);
        PrivateHome.prepare(home).ifPresent(LOG::warn);
        ManagerLock lock = ManagerLock.acquire(home);
        List<PluginServer> servers = new ArrayList<>();
        List<ServedPlugin> served = new ArrayList<>();
        List<PluginObjects> hostedObjects = new ArrayList<>();
        try {
            HalfWrittenFiles.remove(home);
            createPrivateDirectory(home.pluginsDir());
            ManagerPluginLookup lookup = new ManagerPluginLookup(home.pluginsDir(),
                    PluginClient.timeoutFrom(environment), processes);
            PluginContext context = PluginContext.of(home.root(), clock, environment).withPlugins(lookup);
            Optional<PersistingGroupPlugin> groups = Optional.empty();
            for (PluginSelection plugin : plugins) {
                if (plugin.isManager()) {
                    continue;
                }
                PluginObjects objects = host(registry, plugin, context, lookup, hostedObjects);
                serve(home, plugin, ServedObjects.of(objects), servers, served);
                boolean fronted = plugins.stream().anyMatch(PluginSelection::isManager);
                if (fronted && plugin.isGroupController() && objects.groups().containsKey(PluginObjects.DEFAULT_TYPE)) {
                    GroupPlugin backend = objects.groups().get(PluginObjects.DEFAULT_TYPE);
                    groups = Optional.of(new PersistingGroupPlugin(backend, plugin.name(),
                            new FileSpecStore(home.configsDir()), FileSpecStore.setAside(home.configsDir())));
                }
            }
            StoredGroupRecommits recommits = StoredGroupRecommits.none();
            if (groups.isPresent()) {
                PersistingGroupPlugin manager = groups.get();
                PluginSelection front = plugins.stream().filter(PluginSelection::isManager).findFirst().orElseThrow();
                Path socket = home.pluginsDir().resolve(front.name());
                ManagerStack stack = new ManagerStack(manager, socket);
                serve(home, front, new ServedObjects(() -> groupObjects(manager),
                        () -> GroupAsController.byType(front.name(), manager), Optional.of(stack),
                        Map.of("vars", StoredVars.load(home.configsDir()), "status", new ManagerStatus(stack))),
                        servers, served);
                recommits = StoredGroupRecommits.start(groups.get());
            }
            Manager manager = new Manager(home, lock, List.copyOf(servers), List.copyOf(served),
                    List.copyOf(hostedObjects), recommits, groups);
            manager.markReady();
            return manager;
        } catch (RuntimeException e) {
            servers.forEach(PluginServer::close);
            hostedObjects.forEach(Manager::stop);
            lock.close();
            throw e;
        }
    }

    /**
     * One built-in plugin on its own socket, as a process apart from the manager ({@code plugin run KIND[:NAME]}):
     * made and served as the manager makes and serves its plugins, finding other plugins by their sockets. The kind
     * {@code manager} is not one: it is the manager. Closing it stops serving and removes the socket.
     */
    public static AutoCloseable serveAlone(InfrakitHome home, PluginRegistry registry, PluginSelection plugin,
                                           Map<String, String> environment, Clock clock) {
        PluginSelection checked = PluginSelection.check(List.of(plugin), registry).get(0);
        if (checked.isManager()) {
            throw new io.infrakit.common.UsageException("'" + checked + "': the manager runs as 'infrakit manager "
                    + "run', not as a plugin of its own");
        }
        createPrivateDirectory(home.pluginsDir());
        ManagerPluginLookup lookup = new ManagerPluginLookup(home.pluginsDir(), PluginClient.timeoutFrom(environment),
                ProcessPluginStatus.none());
        PluginContext context = PluginContext.of(home.root(), clock, environment).withPlugins(lookup);
        List<PluginObjects> hostedObjects = new ArrayList<>();
        PluginObjects objects = host(registry, checked, context, lookup, hostedObjects);
        PluginServer server;
        try {
            server = PluginServer.start(home.pluginsDir().resolve(checked.name()), ServedObjects.of(objects));
        } catch (RuntimeException e) {
            stop(objects);
            throw e;
        }
        LOG.info("serving plugin {} ({}) on {}", checked.name(), checked.kind(), server.socket());
        return () -> {
            server.close();
            stop(objects);
        };
    }

    private static PluginObjects host(PluginRegistry registry, PluginSelection plugin, PluginContext context,
                                      ManagerPluginLookup lookup, List<PluginObjects> hostedObjects) {
        PluginObjects objects = registry.provider(plugin.provider().orElseThrow()).create(context);
        lookup.host(plugin.name(), objects);
        hostedObjects.add(objects);
        return objects;
    }

    /**
     * What the running manager of this home serves, as {@code KIND:NAME}: empty when none runs, or one from before
     * plugins had kinds.
     */
    public static List<PluginSelection> served(InfrakitHome home) {
        Path file = servedFile(home);
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).map(PluginSelection::parse).toList() : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    public List<ServedPlugin> plugins() {
        return served;
    }

    /**
     * The plugin served as {@code group} (it stores each commit before the group controller acts on it), for callers
     * in this process; also a {@link io.infrakit.spi.group.RolloutControl}. Empty without a group controller.
     */
    public Optional<GroupPlugin> groups() {
        return groups.map(GroupPlugin.class::cast);
    }

    public InfrakitHome home() {
        return home;
    }

    @Override
    public void close() {
        for (PluginServer server : servers) {
            try {
                server.close();
            } catch (RuntimeException e) {
                LOG.warn("could not stop {}: {}", server, e.getMessage());
            }
        }
        recommits.close();
        hosted.forEach(Manager::stop);
        for (Path file : List.of(home.managerReadyFile(), servedFile(home))) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not remove {}: {}", file, e.getMessage());
            }
        }
        lock.close();
    }

    /** Plugins that run threads (the group controller) are AutoCloseable; the manager stops them last. */
    private static void stop(PluginObjects objects) {
        for (Object object : List.of(objects.instances().values(), objects.flavors().values(), objects.groups().values())
                .stream().flatMap(java.util.Collection::stream).toList()) {
            if (object instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("could not stop {}: {}", object, e.getMessage());
                }
            }
        }
    }

    /**
     * As InfraKit's manager: the group list as {@code groups} and each group by its ID (a Go client addresses
     * {@code group/<ID>}, the request's {@code ID} naming the group), all the same plugin; and the default object,
     * which our own clients address as plain {@code group}.
     */
    private static PluginObjects groupObjects(PersistingGroupPlugin manager) {
        Map<String, GroupPlugin> byType = new LinkedHashMap<>();
        byType.put(PluginObjects.DEFAULT_TYPE, manager);
        byType.put(GroupAsController.GENERIC_TYPE, manager);
        manager.storedGroups().forEach(group -> byType.put(group.id().value(), manager));
        return new PluginObjects(Map.of(), Map.of(), byType);
    }

    private static void serve(InfrakitHome home, PluginSelection plugin, ServedObjects objects,
                              List<PluginServer> servers, List<ServedPlugin> served) {
        Path socket = home.pluginsDir().resolve(plugin.name());
        PluginServer server = PluginServer.start(socket, objects);
        servers.add(server);
        served.add(new ServedPlugin(plugin.name(), plugin.kind(), socket));
        LOG.info("serving plugin {} ({}) on {}", plugin.name(), plugin.kind(), socket);
    }

    private static Path servedFile(InfrakitHome home) {
        return home.root().resolve("manager.plugins");
    }

    /** Written last, so a CLI that started the manager knows every socket is up (and what each one serves). */
    private void markReady() {
        String lines = served.stream().map(plugin -> plugin.kind() + ":" + plugin.name() + "\n")
                .collect(java.util.stream.Collectors.joining());
        AtomicFiles.write(servedFile(home), lines.getBytes(StandardCharsets.UTF_8));
        String pid = ProcessHandle.current().pid() + "\n";
        AtomicFiles.write(home.managerReadyFile(), pid.getBytes(StandardCharsets.US_ASCII));
    }

    private static void createPrivateDirectory(Path dir) {
        try {
            OwnerOnly.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
