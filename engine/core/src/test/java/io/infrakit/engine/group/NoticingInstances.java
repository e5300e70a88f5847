package io.infrakit.engine.group;

import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.testkit.FakeInstancePlugin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The fake instance plugin with change notices: a kill is told to the subscribers, who are counted. */
final class NoticingInstances implements InstancePlugin, InstanceChangeNotices {

    final FakeInstancePlugin fake;
    private final AtomicInteger subscribers = new AtomicInteger();
    private final InstanceChangeListeners listeners =
            new InstanceChangeListeners(() -> { }, () -> { });

    NoticingInstances(FakeInstancePlugin fake) {
        this.fake = fake;
    }

    /** The instance dies and the plugin says so. */
    void kill(InstanceId id) {
        fake.kill(id);
        listeners.tell(InstancesChanged.of(id));
    }

    int subscribers() {
        return subscribers.get();
    }

    @Override
    public Subscription subscribe(Consumer<InstancesChanged> listener) {
        Subscription subscription = listeners.subscribe(listener);
        subscribers.incrementAndGet();
        return new Subscription() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    subscribers.decrementAndGet();
                    subscription.close();
                }
            }
        };
    }

    @Override
    public void validate(Any properties) {
        fake.validate(properties);
    }

    @Override
    public InstanceId provision(InstanceSpec spec) {
        return fake.provision(spec);
    }

    @Override
    public void label(InstanceId id, Map<String, String> labels) {
        fake.label(id, labels);
    }

    @Override
    public void destroy(InstanceId id, DestroyReason reason) {
        fake.destroy(id, reason);
    }

    @Override
    public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        return fake.describeInstances(tags, properties);
    }
}
