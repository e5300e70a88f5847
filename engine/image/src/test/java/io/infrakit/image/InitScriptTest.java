package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitScriptTest {

    @TempDir
    Path temp;

    @Test
    void loadsTheModulesInTheOrderGivenThenRunsOnbootInitAndServices() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        ImageSpec spec = ImageSpecParser.parse(fixture.spec("""
                kernel: {path: vmlinuz}
                modules: [virtio_ring, virtio, virtio_pci, virtio_net]
                onboot: [echo first]
                init: [echo second]
                services: [{name: web, command: httpd -f -p 80}]
                """), java.util.Map.of());

        String init = InitScript.render(spec);

        assertThat(init).startsWith("#!/bin/busybox sh\n").containsSubsequence(
                "mount -t proc", "mount -t devtmpfs",
                "insmod /lib/modules/virtio_ring.ko\n", "insmod /lib/modules/virtio.ko\n",
                "insmod /lib/modules/virtio_pci.ko\n", "insmod /lib/modules/virtio_net.ko\n",
                "hostname", "ip link set eth0 up", "udhcpc", "10.0.2.15/24",
                "acpid -c /etc/acpi", "echo first", "echo second", "( httpd -f -p 80 ) >/var/log/web.log 2>&1 &",
                "/sys/firmware/qemu_fw_cfg/by_name/opt/infrakit/init/raw", "INFRAKIT-READY",
                "while :; do sleep 3600; done");
        assertThat(init).contains("infrakit\\.id=", "infrakit\\.image=")
                .containsSubsequence("opt/infrakit/id/raw", "opt/infrakit/image/raw", "export ID IMAGE", "hostname \"$ID\"");
    }
}
