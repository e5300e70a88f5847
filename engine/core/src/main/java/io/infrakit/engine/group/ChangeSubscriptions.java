package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.GroupProperties;
import io.infrakit.engine.group.spec.GroupSpecValidator;
import io.infrakit.engine.group.spec.PluginSection;
import io.infrakit.spi.flavor.FlavorChangeNotices;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstancePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Each group's subscriptions to the {@link InstanceChangeNotices} of its instance plugin and the
 * {@link FlavorChangeNotices} of its flavor plugin, when they offer them (built-in plugins in this process; not a
 * plugin behind a socket): a notice reconciles the group at once, and the poll stays as the resync. Subscriptions
 * follow the plugins (and flavor properties) a commit names, and end when the group is forgotten.
 */
final class ChangeSubscriptions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeSubscriptions.class);

    /** What a group listens to: its instance plugin, and its flavor plugin with the properties it judges by. */
    private record Sources(String instancePlugin, PluginSection flavor) {
    }

    private record Followed(Sources sources, InstanceChangeNotices.Subscription instances,
                            InstanceChangeNotices.Subscription flavor) {
    }

    private final GroupSpecValidator plugins;
    private final Consumer<GroupId> reconcileNow;
    private final Predicate<GroupId> managed;
    private final Map<GroupId, Followed> followed = new ConcurrentHashMap<>();

    /**
     * @param reconcileNow asks for a reconcile of the group; the work queue runs one at a time per group and
     *                     folds the notices that come meanwhile into one more
     * @param managed      whether the controller still manages the group
     */
    ChangeSubscriptions(GroupSpecValidator plugins, Consumer<GroupId> reconcileNow, Predicate<GroupId> managed) {
        this.plugins = plugins;
        this.reconcileNow = reconcileNow;
        this.managed = managed;
    }

    /** Listens to the notices of the plugins this commit names for the group, instead of those it had. */
    void follow(GroupId group, GroupProperties properties) {
        Sources sources = new Sources(properties.instance().plugin(), properties.flavor());
        Followed current = followed.get(group);
        if (current != null && current.sources().equals(sources)) {
            return;
        }
        Followed next = new Followed(sources, subscribeInstances(group, sources.instancePlugin()),
                subscribeFlavor(group, sources.flavor()));
        close(followed.put(group, next));
        if (!managed.test(group)) {
            forget(group);
        }
    }

    void forget(GroupId group) {
        close(followed.remove(group));
    }

    @Override
    public void close() {
        followed.keySet().forEach(this::forget);
    }

    private InstanceChangeNotices.Subscription subscribeInstances(GroupId group, String plugin) {
        try {
            InstancePlugin instances = plugins.instance(plugin);
            if (instances instanceof InstanceChangeNotices notices) {
                return notices.subscribe(notice -> reconcileNow.accept(group));
            }
        } catch (RuntimeException e) {
            LOG.warn("group {}: no change notices from instance plugin '{}', its poll still heals it: {}", group,
                    plugin, e.getMessage());
        }
        return () -> { };
    }

    private InstanceChangeNotices.Subscription subscribeFlavor(GroupId group, PluginSection flavor) {
        try {
            FlavorPlugin plugin = plugins.flavor(flavor.plugin());
            if (plugin instanceof FlavorChangeNotices notices) {
                return notices.subscribe(flavor.properties(), notice -> reconcileNow.accept(group));
            }
        } catch (RuntimeException e) {
            LOG.warn("group {}: no change notices from flavor plugin '{}', its poll still judges it: {}", group,
                    flavor.plugin(), e.getMessage());
        }
        return () -> { };
    }

    private static void close(Followed followed) {
        if (followed != null) {
            close(followed.sources().instancePlugin(), followed.instances());
            close(followed.sources().flavor().plugin(), followed.flavor());
        }
    }

    private static void close(String plugin, InstanceChangeNotices.Subscription subscription) {
        try {
            subscription.close();
        } catch (RuntimeException e) {
            LOG.debug("closing the change notices of '{}' failed: {}", plugin, e.getMessage());
        }
    }
}
