package io.infrakit.plugins.instance.qemu;

import io.infrakit.spi.instance.InstanceId;

import java.nio.file.Path;

/** The files of one VM, all in its own directory named by its instance ID. */
record VmFiles(Path directory) {

    static VmFiles of(Path base, InstanceId id) {
        return new VmFiles(base.resolve(id.value()));
    }

    /** Tags, properties, published ports and pid: what describe reports, kept beside the running VM. */
    Path state() {
        return directory.resolve("vm.json");
    }

    Path pid() {
        return directory.resolve("qemu.pid");
    }

    /** The QMP monitor of the plugin's commands: query-status, system_powerdown, quit, each on a short connection. */
    Path qmp() {
        return directory.resolve("qmp.sock");
    }

    /** A second QMP monitor, which only the plugin's event stream uses ({@link QmpEventStream}). */
    Path qmpEvents() {
        return directory.resolve("qmp-events.sock");
    }

    Path serialLog() {
        return directory.resolve("serial.log");
    }

    /** The instance spec's init script, which the guest reads through fw_cfg as opt/infrakit/init. */
    Path userData() {
        return directory.resolve("user-data");
    }

    /** The VM's own qcow2 overlay over the disk image it boots, when it boots a disk. */
    Path disk() {
        return directory.resolve("disk.qcow2");
    }

    /** A bridged VM's address, reserved before it starts and freed with its directory. */
    Path address() {
        return directory.resolve("address");
    }

    InstanceId id() {
        return InstanceId.of(directory.getFileName().toString());
    }
}
