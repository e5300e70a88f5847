package io.infrakit.rpc;

import io.infrakit.spi.Any;
import io.infrakit.spi.InputExample;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Vendor;
import io.infrakit.spi.VendorInfo;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory instance plugin whose IDs start with a prefix, so tests can tell which object served a call. */
final class FakeInstancePlugin implements InstancePlugin, Vendor, InputExample {

    private final String idPrefix;
    private final AtomicInteger sequence = new AtomicInteger();
    private final ConcurrentMap<InstanceId, InstanceDescription> instances = new ConcurrentHashMap<>();
    private final ConcurrentMap<InstanceId, InstanceSpec> provisioned = new ConcurrentHashMap<>();
    private volatile DestroyReason lastDestroyReason;

    FakeInstancePlugin(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    @Override
    public void validate(Any properties) {
        if (properties.node().has("Bad")) {
            throw new InvalidSpecException("Properties.Bad: not allowed here");
        }
        if (properties.node().has("Crash")) {
            throw new IllegalStateException("the fake crashed");
        }
    }

    @Override
    public InstanceId provision(InstanceSpec spec) {
        validate(spec.properties());
        InstanceId id = InstanceId.of(idPrefix + sequence.incrementAndGet());
        Any state = Any.of(Map.of("Note", spec.properties().node().path("Note").asText("")));
        instances.put(id, new InstanceDescription(id, spec.logicalId(), spec.tags(), state));
        provisioned.put(id, spec);
        return id;
    }

    @Override
    public void label(InstanceId id, Map<String, String> labels) {
        InstanceDescription current = existing(id);
        Map<String, String> tags = new HashMap<>(current.tags());
        tags.putAll(labels);
        instances.put(id, new InstanceDescription(id, current.logicalId(), tags, current.properties()));
    }

    @Override
    public void destroy(InstanceId id, DestroyReason reason) {
        existing(id);
        instances.remove(id);
        lastDestroyReason = reason;
    }

    @Override
    public List<InstanceDescription> describeInstances(Map<String, String> tags, boolean properties) {
        return instances.values().stream()
                .filter(instance -> instance.matches(tags))
                .map(instance -> properties ? instance : instance.withoutProperties())
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    @Override
    public VendorInfo vendorInfo() {
        return new VendorInfo("fake", "1.2.3", "https://example.invalid/fake");
    }

    @Override
    public Any exampleProperties() {
        return Any.parse("{\"Note\":\"example\"}");
    }

    Optional<InstanceSpec> provisionedSpec(InstanceId id) {
        return Optional.ofNullable(provisioned.get(id));
    }

    DestroyReason lastDestroyReason() {
        return lastDestroyReason;
    }

    private InstanceDescription existing(InstanceId id) {
        InstanceDescription instance = instances.get(id);
        if (instance == null) {
            throw new InstanceNotFoundException(id);
        }
        return instance;
    }
}
