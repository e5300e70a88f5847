package io.infrakit.cli.playbook;

import io.infrakit.cli.ManagerConnection;
import io.infrakit.image.BuiltImage;
import io.infrakit.image.ImageBuilder;
import io.infrakit.image.ImageSpec;
import io.infrakit.playbooks.Infrastructure;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A playbook acts through the manager, contacted (and started) only when a step needs it, and builds images in
 * this process.
 */
final class ManagerInfrastructure implements Infrastructure {

    private final Supplier<ManagerConnection> connect;
    private final ImageBuilder images;
    private ManagerConnection connection;

    ManagerInfrastructure(Supplier<ManagerConnection> connect, ImageBuilder images) {
        this.connect = connect;
        this.images = images;
    }

    ManagerConnection connection() {
        if (connection == null) {
            connection = connect.get();
        }
        return connection;
    }

    @Override
    public String commitGroup(GroupSpec spec, boolean pretend) {
        return connection().groups().commitGroup(spec, pretend);
    }

    @Override
    public void scaleGroup(GroupId id, int size) {
        connection().groups().setSize(id, size);
    }

    @Override
    public void destroyGroup(GroupId id) {
        connection().groups().destroyGroup(id);
    }

    @Override
    public Map<String, String> buildImage(ImageSpec spec) {
        BuiltImage built = images.build(spec);
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("hash", built.hash());
        outputs.put("kernel", built.kernel().toString());
        // The fastest kernel file QEMU boots: the uncompressed PVH vmlinux when the kernel yields one.
        outputs.put("vmlinux", built.vmlinux().orElse(built.kernel()).toString());
        outputs.put("initrd", built.initrd().toString());
        outputs.put("cmdline", built.cmdline());
        built.iso().ifPresent(iso -> outputs.put("iso", iso.toString()));
        built.qcow2().ifPresent(qcow2 -> outputs.put("qcow2", qcow2.toString()));
        return outputs;
    }
}
