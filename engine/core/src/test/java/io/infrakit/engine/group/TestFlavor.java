package io.infrakit.engine.group;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Function;

/**
 * InfraKit's integration-test flavor: Type {@code minion} must use Size, {@code leader} LogicalIDs; prepare copies
 * Init and Tags from its properties. Health is scripted per instance (healthy by default, a queue of answers per
 * instance first), calls are counted, and drain can fail for chosen instances.
 */
final class TestFlavor implements FlavorPlugin {

    private Function<InstanceDescription, Health> health = instance -> Health.HEALTHY;
    private final Map<InstanceId, Queue<Health>> scripted = new HashMap<>();
    private final Map<InstanceId, Integer> healthChecks = new HashMap<>();
    private final List<InstanceId> drained = new ArrayList<>();
    private final Set<InstanceId> drainFailures = new HashSet<>();
    private final List<Index> prepared = new ArrayList<>();
    private final List<Map<String, String>> tagsSeenByPrepare = new ArrayList<>();

    synchronized TestFlavor health(Function<InstanceDescription, Health> newHealth) {
        health = newHealth;
        return this;
    }

    /** The next answers for this instance, before the health function applies again. */
    synchronized TestFlavor script(InstanceId id, Health... answers) {
        scripted.computeIfAbsent(id, key -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    synchronized TestFlavor failDrain(InstanceId id) {
        drainFailures.add(id);
        return this;
    }

    @Override
    public void validate(Any properties, Allocation allocation) {
        String type = properties.node().path("Type").asText();
        if ("minion".equals(type) && !allocation.logicalIds().isEmpty()) {
            throw new InvalidSpecException("minion must use Size");
        }
        if ("leader".equals(type) && allocation.logicalIds().isEmpty()) {
            throw new InvalidSpecException("leader must use LogicalIDs");
        }
        if (!"minion".equals(type) && !"leader".equals(type)) {
            throw new InvalidSpecException("unknown Type: " + type);
        }
    }

    @Override
    public synchronized InstanceSpec prepare(Any properties, InstanceSpec spec, Allocation allocation, Index index) {
        prepared.add(index);
        tagsSeenByPrepare.add(spec.tags());
        JsonNode node = properties.node();
        Map<String, String> tags = new HashMap<>();
        node.path("Tags").properties().forEach(field -> tags.put(field.getKey(), field.getValue().asText()));
        return spec.withTags(tags).withInit(node.path("Init").asText(""));
    }

    @Override
    public synchronized Health healthy(Any properties, InstanceDescription instance) {
        healthChecks.merge(instance.id(), 1, Integer::sum);
        Queue<Health> answers = scripted.get(instance.id());
        if (answers != null && !answers.isEmpty()) {
            return answers.remove();
        }
        return health.apply(instance);
    }

    @Override
    public synchronized void drain(Any properties, InstanceDescription instance) {
        drained.add(instance.id());
        if (drainFailures.contains(instance.id())) {
            throw new PluginException("test", "drain", "injected drain failure");
        }
    }

    synchronized List<InstanceId> drained() {
        return List.copyOf(drained);
    }

    synchronized int healthChecks(InstanceId id) {
        return healthChecks.getOrDefault(id, 0);
    }

    synchronized List<Index> prepared() {
        return List.copyOf(prepared);
    }

    synchronized List<Map<String, String>> tagsSeenByPrepare() {
        return List.copyOf(tagsSeenByPrepare);
    }
}
