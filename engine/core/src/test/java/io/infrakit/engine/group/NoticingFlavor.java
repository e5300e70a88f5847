package io.infrakit.engine.group;

import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.spi.Any;
import io.infrakit.spi.flavor.FlavorChangeNotices;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The test flavor with change notices: {@link #tell} reaches the subscribers, whose properties are remembered. */
final class NoticingFlavor implements FlavorPlugin, FlavorChangeNotices {

    final TestFlavor flavor = new TestFlavor();
    private final InstanceChangeListeners listeners = new InstanceChangeListeners();
    private final List<Any> subscribed = new ArrayList<>();

    /** The flavor saw health change and says so. */
    void tell() {
        listeners.tell(new InstancesChanged(java.util.Set.of()));
    }

    /** The flavor properties of the subscriptions still open. */
    synchronized List<Any> subscribed() {
        return List.copyOf(subscribed);
    }

    @Override
    public InstanceChangeNotices.Subscription subscribe(Any properties, Consumer<InstancesChanged> listener) {
        InstanceChangeNotices.Subscription subscription = listeners.subscribe(listener);
        synchronized (this) {
            subscribed.add(properties);
        }
        return new InstanceChangeNotices.Subscription() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (NoticingFlavor.this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                    subscribed.remove(properties);
                }
                subscription.close();
            }
        };
    }

    @Override
    public void validate(Any properties, Allocation allocation) {
        flavor.validate(properties, allocation);
    }

    @Override
    public InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
        return flavor.prepare(properties, spec, allocation, index);
    }

    @Override
    public Health healthy(Any properties, InstanceDescription instance) {
        return flavor.healthy(properties, instance);
    }

    @Override
    public void drain(Any properties, InstanceDescription instance) {
        flavor.drain(properties, instance);
    }
}
