package io.infrakit.image;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An image built from the distribution's kernel and busybox-static boots under QEMU (TCG) from its kernel (the
 * bzImage) and initrd: /init loads the virtio modules, gets an address by DHCP and starts the spec's service, which
 * answers through a forwarded port. test.sh installs qemu-system-x86 and busybox-static and unpacks the
 * linux-image package. The other boot formats are in {@link ImageFormatsBootIT}.
 */
class RealKernelBootIT {

    @TempDir
    Path work;

    private BootedVm vm;

    @BeforeEach
    void requireTheRealThings() {
        RealMachine.requireKernelBusyboxAndQemu();
    }

    @AfterEach
    void stopTheVm() throws InterruptedException {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void theImageBootsAndServesWhatTheSpecBakedIn() throws Exception {
        Path spec = RealMachine.webSpec(work, "");
        ImageBuilder builder = new ImageBuilder(work.resolve("images"), RealMachine.modulesDirectory(), Clock.systemUTC());

        BuiltImage image = builder.build(spec, Map.of("key", "A"));
        BuiltImage again = new ImageBuilder(work.resolve("images-again"), RealMachine.modulesDirectory(),
                Clock.systemUTC()).build(spec, Map.of("key", "A"));
        assertThat(again.hash()).isEqualTo(image.hash());
        assertThat(Files.mismatch(again.initrd(), image.initrd())).isEqualTo(-1L);
        assertThat(builder.build(spec, Map.of("key", "B")).hash()).isNotEqualTo(image.hash());

        vm = BootedVm.start(work, List.of("-kernel", image.kernel().toString(), "-initrd", image.initrd().toString(),
                "-append", Files.readString(image.directory().resolve("cmdline")).strip() + " infrakit.id=vm1"));

        vm.awaitHttp("/index.html", "key=A\n");
        assertThat(vm.serialLog()).contains("INFRAKIT-READY id=vm1");
    }
}
