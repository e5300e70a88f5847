package io.infrakit.playbooks;

import io.infrakit.image.ImageSpec;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Remembers what a run asked of it, in order; image builds answer with outputs named after the text of the image's
 * first file (its key).
 */
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
    public Map<String, String> buildImage(ImageSpec spec) {
        String key = spec.files().isEmpty() ? "" : ((ImageSpec.InlineContents) spec.files().get(0).source()).text();
        calls.add("build " + spec.specFile().getFileName() + " key=" + key);
        return Map.of("kernel", "/images/k-" + key, "initrd", "/images/i-" + key, "hash", "h" + key);
    }
}
