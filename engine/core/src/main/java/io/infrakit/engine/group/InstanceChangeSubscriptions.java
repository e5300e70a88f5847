package io.infrakit.engine.group;

import io.infrakit.engine.group.spec.GroupSpecValidator;
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
 * Each group's subscription to the {@link InstanceChangeNotices} of its instance plugin, when the plugin offers them
 * (built-in plugins in this process; not a plugin behind a socket): a notice reconciles the group at once, and the
 * poll stays as the resync. Subscriptions follow the plugin a commit names, and end when the group is forgotten.
 */
final class InstanceChangeSubscriptions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceChangeSubscriptions.class);

    private record Followed(String plugin, InstanceChangeNotices.Subscription subscription) {
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
    InstanceChangeSubscriptions(GroupSpecValidator plugins, Consumer<GroupId> reconcileNow,
                                Predicate<GroupId> managed) {
        this.plugins = plugins;
        this.reconcileNow = reconcileNow;
        this.managed = managed;
    }

    /** Listens to the notices of this instance plugin for the group, instead of those of the one it had. */
    void follow(GroupId group, String plugin) {
        Followed current = followed.get(group);
        if (current != null && current.plugin().equals(plugin)) {
            return;
        }
        Followed next = new Followed(plugin, subscribe(group, plugin));
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

    private InstanceChangeNotices.Subscription subscribe(GroupId group, String plugin) {
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

    private static void close(Followed followed) {
        if (followed != null) {
            try {
                followed.subscription().close();
            } catch (RuntimeException e) {
                LOG.debug("closing the change notices of '{}' failed: {}", followed.plugin(), e.getMessage());
            }
        }
    }
}
