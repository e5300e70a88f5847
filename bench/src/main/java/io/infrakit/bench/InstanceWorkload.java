package io.infrakit.bench;

import io.infrakit.spi.Any;
import io.infrakit.spi.Tags;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a group controller does to an instance plugin: provision many, describe them by group, destroy them. */
final class InstanceWorkload {

    record Timings(Duration provisionAndDescribe, Duration destroy) {
    }

    private InstanceWorkload() {
    }

    static Timings run(InstancePlugin plugin, int instances, String group) {
        Map<String, String> groupTag = Map.of(Tags.GROUP, group);
        InstanceSpec spec = InstanceSpec.of(Any.parse("{\"Size\":\"small\"}"), Map.of(Tags.GROUP, group, "tier", "bench"));
        long start = System.nanoTime();
        List<InstanceId> ids = new ArrayList<>(instances);
        for (int i = 0; i < instances; i++) {
            ids.add(plugin.provision(spec));
        }
        int described = plugin.describeInstances(groupTag, false).size();
        Duration provisionAndDescribe = Duration.ofNanos(System.nanoTime() - start);
        if (described != instances) {
            throw new IllegalStateException("described " + described + " instances, provisioned " + instances);
        }
        long destroyStart = System.nanoTime();
        for (InstanceId id : ids) {
            plugin.destroy(id, DestroyReason.TERMINATE);
        }
        Duration destroy = Duration.ofNanos(System.nanoTime() - destroyStart);
        if (!plugin.describeInstances(groupTag, false).isEmpty()) {
            throw new IllegalStateException("instances left after destroy");
        }
        return new Timings(provisionAndDescribe, destroy);
    }
}
