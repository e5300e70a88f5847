package io.infrakit.engine.manager;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceId;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A backend group plugin that only records what it is asked, for the manager's tests. */
final class RecordingGroupPlugin implements GroupPlugin {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<GroupId, GroupSpec> groups = new ConcurrentHashMap<>();
    volatile String failCommitsOf = "";
    volatile boolean failDestroy;

    @Override
    public String commitGroup(GroupSpec spec, boolean pretend) {
        if (spec.id().value().equals(failCommitsOf)) {
            throw new PluginNotFoundException("Failed to find Instance plugin 'file':not yet", "file", List.of());
        }
        if (!spec.properties().isEmpty() && spec.properties().node().has("Invalid")) {
            throw new InvalidSpecException("Invalid properties: " + spec.properties().node().get("Invalid").asText());
        }
        calls.add((pretend ? "pretend " : "commit ") + spec.id() + " " + spec.properties());
        if (!pretend) {
            groups.put(spec.id(), spec);
        }
        return "Managing " + spec.id();
    }

    @Override
    public void freeGroup(GroupId id) {
        calls.add("free " + id);
    }

    @Override
    public GroupDescription describeGroup(GroupId id) {
        return new GroupDescription(List.of(), true);
    }

    @Override
    public void destroyGroup(GroupId id) {
        if (failDestroy) {
            throw new PluginException("file", "Instance.Destroy", "i-2 resists");
        }
        calls.add("destroy " + id);
        groups.remove(id);
    }

    @Override
    public List<GroupSpec> inspectGroups() {
        return List.copyOf(groups.values());
    }

    @Override
    public void destroyInstances(GroupId id, List<InstanceId> instances) {
        calls.add("destroy-instances " + id + " " + instances);
    }

    @Override
    public int size(GroupId id) {
        return 0;
    }

    @Override
    public void setSize(GroupId id, int size) {
        calls.add("set-size " + id + " " + size);
        groups.computeIfPresent(id, (key, spec) -> new GroupSpec(id, Any.parse("{\"Size\":" + size + "}")));
    }
}
