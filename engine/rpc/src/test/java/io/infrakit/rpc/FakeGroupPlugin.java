package io.infrakit.rpc;

import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps committed specs and target sizes in memory; members are {@code <group>-<n>}. */
class FakeGroupPlugin implements GroupPlugin {

    private final ConcurrentMap<GroupId, GroupSpec> specs = new ConcurrentHashMap<>();
    private final ConcurrentMap<GroupId, Integer> sizes = new ConcurrentHashMap<>();
    private final List<InstanceId> destroyedInstances = new CopyOnWriteArrayList<>();

    @Override
    public String commitGroup(GroupSpec spec, boolean pretend) {
        int size = spec.properties().node().path("Allocation").path("Size").asInt();
        if (!pretend) {
            specs.put(spec.id(), spec);
            sizes.put(spec.id(), size);
        }
        return (pretend ? "Committing " + spec.id() + " would involve: " : "Committed " + spec.id() + ": ")
                + "Managing " + size + " instances";
    }

    @Override
    public void freeGroup(GroupId id) {
        watched(id);
        specs.remove(id);
        sizes.remove(id);
    }

    @Override
    public GroupDescription describeGroup(GroupId id) {
        watched(id);
        List<InstanceDescription> members = new ArrayList<>();
        for (int n = 1; n <= sizes.get(id); n++) {
            members.add(new InstanceDescription(InstanceId.of(id + "-" + n), null,
                    Map.of("infrakit.group", id.value()), Any.empty()));
        }
        return new GroupDescription(members, true);
    }

    @Override
    public void destroyGroup(GroupId id) {
        freeGroup(id);
    }

    @Override
    public List<GroupSpec> inspectGroups() {
        return specs.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    @Override
    public void destroyInstances(GroupId id, List<InstanceId> instances) {
        watched(id);
        destroyedInstances.addAll(instances);
        sizes.compute(id, (key, size) -> size - instances.size());
    }

    @Override
    public int size(GroupId id) {
        watched(id);
        return sizes.get(id);
    }

    @Override
    public void setSize(GroupId id, int size) {
        watched(id);
        sizes.put(id, size);
    }

    List<InstanceId> destroyedInstances() {
        return List.copyOf(destroyedInstances);
    }

    private void watched(GroupId id) {
        if (!specs.containsKey(id)) {
            throw new PluginException("fake-group", "group", "Group '" + id + "' is not being watched");
        }
    }
}
