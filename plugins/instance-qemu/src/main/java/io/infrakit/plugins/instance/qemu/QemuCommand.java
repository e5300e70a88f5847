package io.infrakit.plugins.instance.qemu;

import io.infrakit.spi.instance.InstanceId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The QEMU command line of one VM (docs/images-and-vms.md): no default devices, serial console to a file, the kernel
 * and initrd booted directly (or a disk overlay, or an ISO), user-mode networking with each forwarded port on loopback, QMP on two unix sockets (commands, events), and
 * {@code -daemonize} so the VM outlives the manager that started it.
 */
final class QemuCommand {

    private QemuCommand() {
    }

    static List<String> of(String binary, InstanceId id, QemuProperties vm, VmFiles files, VmNetwork network,
                           boolean userData) {
        List<String> command = new ArrayList<>(List.of(binary,
                "-name", id.value(),
                "-accel", vm.accel(),
                "-m", Integer.toString(vm.memoryMib()),
                "-smp", Integer.toString(vm.cpus()),
                "-nodefaults", "-no-user-config", "-display", "none",
                // A guest that panics or reboots ends its process, which describe then reports as gone.
                "-no-reboot",
                "-serial", "file:" + files.serialLog(),
                "-netdev", netdev(network),
                "-device", "virtio-net-pci,netdev=n0" + (network instanceof VmNetwork.Tap tap ? ",mac=" + tap.mac() : ""),
                "-qmp", "unix:" + files.qmp() + ",server=on,wait=off",
                // QEMU sends its events to every QMP monitor and serves one client per monitor: a second one lets the
                // plugin hold a connection for events while its commands (from any process) keep the first.
                "-qmp", "unix:" + files.qmpEvents() + ",server=on,wait=off",
                "-pidfile", files.pid().toString(),
                "-daemonize"));
        if (vm.boot() instanceof BootSource.Kernel kernel) {
            command.addAll(List.of("-kernel", kernel.kernel().toString(), "-initrd", kernel.initrd().toString(),
                    "-append", cmdline(id, vm, network)));
        } else if (vm.boot() instanceof BootSource.Disk) {
            command.addAll(List.of("-drive", "file=" + files.disk() + ",format=qcow2,if=virtio", "-boot", "c"));
        } else if (vm.boot() instanceof BootSource.Cdrom cdrom) {
            command.addAll(List.of("-cdrom", cdrom.iso().toString(), "-boot", "d"));
        }
        // The guest's identity for boots whose command line is not ours (a disk, an ISO); images built here read it.
        command.add("-fw_cfg");
        command.add("name=opt/infrakit/id,string=" + id.value());
        if (!vm.image().isEmpty()) {
            command.add("-fw_cfg");
            command.add("name=opt/infrakit/image,string=" + vm.image());
        }
        if (network instanceof VmNetwork.Tap tap) {
            command.addAll(List.of("-fw_cfg", "name=opt/infrakit/ip,string=" + tap.address() + "/" + tap.prefix(),
                    "-fw_cfg", "name=opt/infrakit/gw,string=" + tap.gateway()));
        }
        if (userData) {
            command.add("-fw_cfg");
            command.add("name=opt/infrakit/init,file=" + files.userData());
        }
        return command;
    }

    static String cmdline(InstanceId id, QemuProperties vm, VmNetwork network) {
        StringBuilder cmdline = new StringBuilder(vm.cmdline());
        cmdline.append(cmdline.isEmpty() ? "" : " ").append("infrakit.id=").append(id.value());
        if (!vm.image().isEmpty()) {
            cmdline.append(" infrakit.image=").append(vm.image());
        }
        if (network instanceof VmNetwork.Tap tap) {
            cmdline.append(" infrakit.ip=").append(tap.address()).append('/').append(tap.prefix())
                    .append(" infrakit.gw=").append(tap.gateway());
        }
        return cmdline.toString();
    }

    private static String netdev(VmNetwork network) {
        if (network instanceof VmNetwork.Tap tap) {
            return "tap,id=n0,ifname=" + tap.device() + ",script=no,downscript=no";
        }
        Map<Integer, Integer> forwardedPorts = ((VmNetwork.UserNetwork) network).forwardedPorts();
        String forwards = new TreeMap<>(forwardedPorts).entrySet().stream()
                .map(port -> ",hostfwd=tcp:" + HostPorts.HOST + ":" + port.getValue() + "-:" + port.getKey())
                .collect(Collectors.joining());
        return "user,id=n0" + forwards;
    }
}
