package io.infrakit.playbooks;

import io.infrakit.dsl.BuildImage;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Remembers what a run asked of it, in order; image builds answer with outputs named after the file. */
final class RecordingInfrastructure implements Infrastructure {

    final List<String> calls = new ArrayList<>();
    final List<GroupSpec> commits = new ArrayList<>();

    @Override
    public String commitGroup(GroupSpec spec, boolean pretend) {
        calls.add((pretend ? "pretend " : "commit ") + spec.id());
        commits.add(spec);
        return "Managing " + spec.id();
    }

    @Override
    public void scaleGroup(GroupId id, int size) {
        calls.add("scale " + id + " " + size);
    }

    @Override
    public void destroyGroup(GroupId id) {
        calls.add("destroy " + id);
    }

    @Override
    public Map<String, String> buildImage(BuildImage image, Path playbookRoot) {
        calls.add("build " + image.file() + " " + image.vars());
        return Map.of("kernel", "/images/k-" + image.vars().get("key"), "initrd", "/images/i-" + image.vars().get("key"),
                "hash", "h" + image.vars().get("key"));
    }
}
