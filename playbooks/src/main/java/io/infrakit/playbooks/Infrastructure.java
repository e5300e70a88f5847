package io.infrakit.playbooks;

import io.infrakit.image.ImageSpec;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;

import java.util.Map;

/** What a playbook run acts on: the manager's groups and the image builder. */
public interface Infrastructure {

    /** Commits (or, with pretend, only plans) a group; returns InfraKit's plan text. */
    String commitGroup(GroupSpec spec, boolean pretend);

    void scaleGroup(GroupId id, int size);

    void destroyGroup(GroupId id);

    /** Builds the image and returns its outputs by name (kernel, vmlinux, initrd, cmdline, hash, iso, qcow2). */
    Map<String, String> buildImage(ImageSpec spec);

    /** For print-only runs, which must not act on anything. */
    Infrastructure NONE = new Infrastructure() {
        @Override
        public String commitGroup(GroupSpec spec, boolean pretend) {
            throw new IllegalStateException("a print-only run does not commit");
        }

        @Override
        public void scaleGroup(GroupId id, int size) {
            throw new IllegalStateException("a print-only run does not scale");
        }

        @Override
        public void destroyGroup(GroupId id) {
            throw new IllegalStateException("a print-only run does not destroy");
        }

        @Override
        public Map<String, String> buildImage(ImageSpec spec) {
            throw new IllegalStateException("a print-only run does not build");
        }
    };
}
