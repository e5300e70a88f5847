package io.infrakit.rpc;

import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstancesChanged;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process wrapper hides none of the plugin's in-process capabilities, and adds none. */
class InProcessPluginTest {

    /** An instance plugin with no instances, telling its subscribers whatever the test says. */
    static final class NoticingPlugin implements InstancePlugin, InstanceChangeNotices {
        final InstanceChangeListeners listeners = new InstanceChangeListeners();

        @Override
        public void validate(Any properties) {
        }

        @Override
        public InstanceId provision(InstanceSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void label(InstanceId id, Map<String, String> labels) {
            throw new InstanceNotFoundException(id);
        }

        @Override
        public void destroy(InstanceId id, DestroyReason reason) {
            throw new InstanceNotFoundException(id);
        }

        @Override
        public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
            return List.of();
        }

        @Override
        public Subscription subscribe(Consumer<InstancesChanged> listener) {
            return listeners.subscribe(listener);
        }
    }

    @Test
    void changeNoticesReachTheCallerThroughTheWrapper() {
        NoticingPlugin plugin = new NoticingPlugin();
        List<InstancesChanged> notices = new ArrayList<>();

        InstancePlugin wrapped = InProcessPlugin.of(InstancePlugin.class, plugin, "noticing");
        assertThat(wrapped).isInstanceOf(InstanceChangeNotices.class);
        ((InstanceChangeNotices) wrapped).subscribe(notices::add);
        plugin.listeners.tell(InstancesChanged.of(InstanceId.of("instance-1")));

        assertThat(notices).containsExactly(InstancesChanged.of(InstanceId.of("instance-1")));
    }

    @Test
    void aPluginWithoutNoticesIsNotMadeToSeemToHaveThem() {
        InstancePlugin wrapped = InProcessPlugin.of(InstancePlugin.class, new FakeInstancePlugin("instance"), "plain");

        assertThat(wrapped).isNotInstanceOf(InstanceChangeNotices.class);
    }
}
