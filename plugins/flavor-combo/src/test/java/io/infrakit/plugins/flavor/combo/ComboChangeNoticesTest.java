package io.infrakit.plugins.flavor.combo;

import io.infrakit.common.InstanceChangeListeners;
import io.infrakit.spi.Any;
import io.infrakit.spi.flavor.FlavorChangeNotices;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.testkit.ScriptedFlavorPlugin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The combo forwards the change notices of the children that offer them (docs/plugins-flavors.md). */
class ComboChangeNoticesTest {

    /** A child with notices that remembers the properties it was subscribed with. */
    static final class NoticingChild implements FlavorPlugin, FlavorChangeNotices {
        final ScriptedFlavorPlugin flavor = new ScriptedFlavorPlugin();
        final InstanceChangeListeners listeners = new InstanceChangeListeners();
        final List<Any> subscribedWith = new ArrayList<>();

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

        @Override
        public InstanceChangeNotices.Subscription subscribe(Any properties, Consumer<InstancesChanged> listener) {
            subscribedWith.add(properties);
            return listeners.subscribe(listener);
        }
    }

    final NoticingChild a = new NoticingChild();
    final ScriptedFlavorPlugin quiet = new ScriptedFlavorPlugin();
    final NoticingChild c = new NoticingChild();
    final ComboFlavorPlugin combo = new ComboFlavorPlugin(new FlavorsByName(Map.of("a", a, "quiet", quiet, "c", c)));

    @Test
    void theNoticesOfEachChildThatOffersThemReachTheListener() {
        List<InstancesChanged> told = new ArrayList<>();
        InstanceChangeNotices.Subscription subscription = combo.subscribe(Any.parse("""
                [{"Plugin": "a", "Properties": {"n": 1}}, {"Plugin": "quiet"}, {"Plugin": "c", "Properties": {"n": 3}},
                 {"Plugin": "missing"}]"""), told::add);

        a.listeners.tell(InstancesChanged.of(InstanceId.of("i-a")));
        c.listeners.tell(InstancesChanged.of(InstanceId.of("i-c")));

        assertThat(told).containsExactly(InstancesChanged.of(InstanceId.of("i-a")),
                InstancesChanged.of(InstanceId.of("i-c")));
        assertThat(a.subscribedWith).containsExactly(Any.parse("{\"n\": 1}"));
        assertThat(c.subscribedWith).containsExactly(Any.parse("{\"n\": 3}"));

        subscription.close();
        assertThat(a.listeners.isEmpty()).isTrue();
        assertThat(c.listeners.isEmpty()).isTrue();
        a.listeners.tell(new InstancesChanged(null));
        assertThat(told).hasSize(2);
    }
}
