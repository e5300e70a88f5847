package io.infrakit.engine.manager;

import io.infrakit.spi.group.GroupDescription;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.InstanceId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A backend group plugin that only records what it is asked, for the manager's tests. */
final class RecordingGroupPlugin implements GroupPlugin {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public String commitGroup(GroupSpec spec, boolean pretend) {
        calls.add((pretend ? "pretend " : "commit ") + spec.id() + " " + spec.properties());
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
        calls.add("destroy " + id);
    }

    @Override
    public List<GroupSpec> inspectGroups() {
        return List.of();
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
    }
}
