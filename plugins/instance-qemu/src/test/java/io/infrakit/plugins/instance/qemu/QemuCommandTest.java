package io.infrakit.plugins.instance.qemu;

import io.infrakit.spi.instance.InstanceId;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QemuCommandTest {

    private static final InstanceId ID = InstanceId.of("qemu-0a1b2c3d");
    private static final VmFiles FILES = new VmFiles(Path.of("/home/u/.infrakit/instances/qemu/qemu-0a1b2c3d"));
    private static final QemuProperties VM = new QemuProperties(
            new BootSource.Kernel(Path.of("/img/kernel"), Path.of("/img/initrd.img")),
            "console=ttyS0 quiet", "abc123", 128, 1, List.of(80, 22), Duration.ofSeconds(10), "tcg", Optional.empty());

    @Test
    void bootsTheKernelDirectlyWithTheInstanceIdentityOnTheCommandLine() {
        List<String> command = QemuCommand.of("qemu-system-x86_64", ID, VM, FILES, new VmNetwork.UserNetwork(ports()), false);

        assertThat(command).startsWith("qemu-system-x86_64").containsSubsequence("-accel", "tcg", "-m", "128")
                .containsSubsequence("-kernel", "/img/kernel", "-initrd", "/img/initrd.img", "-append",
                        "console=ttyS0 quiet infrakit.id=qemu-0a1b2c3d infrakit.image=abc123")
                .contains("-nodefaults", "-no-reboot", "-daemonize")
                .containsSubsequence("-fw_cfg", "name=opt/infrakit/id,string=qemu-0a1b2c3d",
                        "-fw_cfg", "name=opt/infrakit/image,string=abc123")
                .doesNotContain("name=opt/infrakit/init,file=" + FILES.userData(), "-drive", "-cdrom");
    }

    @Test
    void forwardsEachGuestPortFromLoopbackAndKeepsItsControlFilesInItsDirectory() {
        List<String> command = QemuCommand.of("qemu-system-x86_64", ID, VM, FILES, new VmNetwork.UserNetwork(ports()), true);

        assertThat(command).containsSubsequence("-netdev",
                        "user,id=n0,hostfwd=tcp:127.0.0.1:18022-:22,hostfwd=tcp:127.0.0.1:18080-:80")
                .containsSubsequence("-qmp", "unix:" + FILES.qmp() + ",server=on,wait=off",
                        "-qmp", "unix:" + FILES.qmpEvents() + ",server=on,wait=off")
                .containsSubsequence("-pidfile", FILES.pid().toString())
                .containsSubsequence("-serial", "file:" + FILES.serialLog())
                .containsSubsequence("-fw_cfg", "name=opt/infrakit/init,file=" + FILES.userData());
    }

    @Test
    void anImagelessVmGetsOnlyItsId() {
        QemuProperties bare = new QemuProperties(VM.boot(), "", "", 64, 1, List.of(), Duration.ZERO, "tcg",
                Optional.empty());

        assertThat(QemuCommand.cmdline(ID, bare, new VmNetwork.UserNetwork(Map.of()))).isEqualTo("infrakit.id=qemu-0a1b2c3d");
    }

    @Test
    void aDiskBootUsesTheVmsOwnOverlayAndAnIsoBootsAsACdrom() {
        QemuProperties disk = new QemuProperties(new BootSource.Disk(Path.of("/img/disk.qcow2")), "", "abc123", 128,
                1, List.of(), Duration.ZERO, "tcg", Optional.empty());
        QemuProperties iso = new QemuProperties(new BootSource.Cdrom(Path.of("/img/image.iso")), "", "", 128, 1,
                List.of(), Duration.ZERO, "tcg", Optional.empty());

        assertThat(QemuCommand.of("qemu-system-x86_64", ID, disk, FILES, new VmNetwork.UserNetwork(Map.of()), false))
                .containsSubsequence("-drive", "file=" + FILES.disk() + ",format=qcow2,if=virtio", "-boot", "c")
                .containsSubsequence("-fw_cfg", "name=opt/infrakit/id,string=qemu-0a1b2c3d")
                .doesNotContain("-kernel", "-append");
        assertThat(QemuCommand.of("qemu-system-x86_64", ID, iso, FILES, new VmNetwork.UserNetwork(Map.of()), false))
                .containsSubsequence("-cdrom", "/img/image.iso", "-boot", "d")
                .doesNotContain("-kernel", "-drive");
    }

    @Test
    void aBridgedVmGetsATapWithItsOwnMacAndItsAddressOnTheCommandLineAndThroughFwCfg() {
        VmNetwork.Tap tap = new VmNetwork.Tap("ik0a1b2c3d", "52:54:0a:1b:2c:3d", "10.77.0.2", 24, "10.77.0.1");

        assertThat(QemuCommand.of("qemu-system-x86_64", ID, VM, FILES, tap, false))
                .containsSubsequence("-netdev", "tap,id=n0,ifname=ik0a1b2c3d,script=no,downscript=no",
                        "-device", "virtio-net-pci,netdev=n0,mac=52:54:0a:1b:2c:3d")
                .containsSubsequence("-append", "console=ttyS0 quiet infrakit.id=qemu-0a1b2c3d infrakit.image=abc123 "
                        + "infrakit.ip=10.77.0.2/24 infrakit.gw=10.77.0.1")
                .containsSubsequence("-fw_cfg", "name=opt/infrakit/ip,string=10.77.0.2/24",
                        "-fw_cfg", "name=opt/infrakit/gw,string=10.77.0.1");
        assertThat(TapDevices.nameOf(ID)).isEqualTo("ik0a1b2c3d");
        assertThat(TapDevices.macOf(ID)).isEqualTo("52:54:0a:1b:2c:3d");
    }

    private static Map<Integer, Integer> ports() {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        ports.put(80, 18080);
        ports.put(22, 18022);
        return ports;
    }
}
