package io.infrakit.plugins.instance.qemu;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QemuPropertiesTest {

    @TempDir
    Path work;

    private String files;

    @BeforeEach
    void kernelAndInitrd() throws IOException {
        Path kernel = Files.writeString(work.resolve("kernel"), "k");
        Path initrd = Files.writeString(work.resolve("initrd.img"), "i");
        files = "\"Kernel\": \"" + kernel + "\", \"Initrd\": \"" + initrd + "\"";
    }

    @Test
    void defaultsAreOneSmallTcgVmWithNoForwardedPorts() {
        QemuProperties vm = QemuProperties.parse(Any.parse("{" + files + "}"));

        assertThat(vm.boot()).isEqualTo(new BootSource.Kernel(work.resolve("kernel"), work.resolve("initrd.img")));
        assertThat(vm.cmdline()).isEqualTo("console=ttyS0 quiet panic=-1 cryptomgr.notests");
        assertThat(vm.memoryMib()).isEqualTo(128);
        assertThat(vm.cpus()).isEqualTo(1);
        assertThat(vm.ports()).isEmpty();
        assertThat(vm.powerdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(vm.accel()).isEqualTo("tcg");
        assertThat(vm.image()).isEmpty();
    }

    @Test
    void everyPropertyIsRead() {
        QemuProperties vm = QemuProperties.parse(Any.parse("{" + files + ", \"Cmdline\": \"console=ttyS0\", "
                + "\"Image\": \"0123abcd\", \"Memory\": 256, \"Cpus\": 2, \"Ports\": [80, 22], "
                + "\"PowerdownTimeout\": \"3s\", \"Accel\": \"kvm\"}"));

        assertThat(vm).isEqualTo(new QemuProperties(
                new BootSource.Kernel(work.resolve("kernel"), work.resolve("initrd.img")), "console=ttyS0", "0123abcd",
                256, 2, List.of(80, 22), Duration.ofSeconds(3), "kvm", Optional.empty()));
    }

    @Test
    void mistakesAreNamed() {
        assertRejected("{\"Initrd\": \"/dev/null\"}", "qemu instance property \"Kernel\" is required");
        assertRejected("{" + files.replace("initrd.img", "missing.img") + "}",
                "qemu instance property \"Initrd\": no readable file " + work.resolve("missing.img"));
        assertRejected("{" + files + ", \"Memroy\": 64}", "unknown qemu instance property \"Memroy\" (did you mean \"Memory\"?)");
        assertRejected("{" + files + ", \"Color\": 1}", "known properties: Accel, Bridge, Cdrom, Cmdline, Cpus, Disk, Gateway, Image");
        assertRejected("{" + files + ", \"Memory\": \"lots\"}",
                "qemu instance property \"Memory\" must be an integer from 32 to 65536, got \"lots\"");
        assertRejected("{" + files + ", \"Ports\": [80, 80]}", "\"Ports\" must be a list of TCP port numbers");
        assertRejected("{" + files + ", \"Ports\": [70000]}", "\"Ports\" must be a list of TCP port numbers");
        assertRejected("{" + files + ", \"PowerdownTimeout\": \"soon\"}", "\"PowerdownTimeout\" must be a duration");
        assertRejected("{" + files + ", \"Image\": \"a b\"}", "\"Image\" must be an image hash");
        assertRejected("{" + files + ", \"Accel\": \"hvf\"}", "\"Accel\" must be \"tcg\" or \"kvm\"");
        assertRejected("\"vm\"", "qemu instance properties must be a JSON object");
        assertRejected("{\"Memory\": 64}", "qemu instance properties need \"Kernel\" and \"Initrd\" (what an image "
                + "build gives), or \"Disk\" (a qcow2 image), or \"Cdrom\" (an ISO)");
        assertRejected("{" + files + ", \"Disk\": \"" + work.resolve("kernel") + "\"}", "boot one thing");
    }

    @Test
    void aDiskOrAnIsoBootsWithoutAKernelAndTakesNoCommandLine() throws IOException {
        Path disk = Files.writeString(work.resolve("disk.qcow2"), "d");
        Path iso = Files.writeString(work.resolve("image.iso"), "i");

        assertThat(QemuProperties.parse(Any.parse("{\"Disk\": \"" + disk + "\"}")).boot())
                .isEqualTo(new BootSource.Disk(disk));
        assertThat(QemuProperties.parse(Any.parse("{\"Cdrom\": \"" + iso + "\"}")).boot())
                .isEqualTo(new BootSource.Cdrom(iso));
        assertRejected("{\"Disk\": \"" + disk + "\", \"Cmdline\": \"quiet\"}", "applies to a \"Kernel\" boot only");
    }

    @Test
    void aBridgeTakesAddressesFromItsSubnetSkippingTheGatewayAndThoseTaken() {
        QemuProperties vm = QemuProperties.parse(Any.parse("{" + files
                + ", \"Bridge\": \"br-ik\", \"Subnet\": \"10.77.0.9/24\"}"));

        BridgeNetwork bridge = vm.bridge().orElseThrow();
        assertThat(bridge.subnet()).hasToString("10.77.0.0/24");
        assertThat(bridge.gateway()).isEqualTo("10.77.0.1");
        assertThat(bridge.freeAddress(Set.of())).isEqualTo("10.77.0.2");
        assertThat(bridge.freeAddress(Set.of("10.77.0.2", "10.77.0.3"))).isEqualTo("10.77.0.4");
        assertRejected("{" + files + ", \"Subnet\": \"10.77.0.0/24\"}", "need \"Bridge\"");
        assertRejected("{" + files + ", \"Bridge\": \"br-ik\"}", "\"Bridge\" needs \"Subnet\"");
        assertRejected("{" + files + ", \"Bridge\": \"br-ik\", \"Subnet\": \"10.77.0.0\"}",
                "\"Subnet\" must be an IPv4 network such as 10.77.0.0/24");
        assertRejected("{" + files + ", \"Bridge\": \"a bridge\", \"Subnet\": \"10.77.0.0/24\"}",
                "\"Bridge\" must be a network interface name");
        BridgeNetwork tiny = QemuProperties.parse(Any.parse("{" + files
                + ", \"Bridge\": \"br-ik\", \"Subnet\": \"10.9.9.0/30\"}")).bridge().orElseThrow();
        assertThatThrownBy(() -> tiny.freeAddress(Set.of("10.9.9.2")))
                .hasMessage("no free address left in 10.9.9.0/30 on bridge br-ik");
    }

    @Test
    void thePowerdownTimeoutOfAcceptedPropertiesIsReadEvenWhenTheFilesAreGone() {
        Any accepted = Any.parse("{\"Kernel\": \"/gone\", \"Initrd\": \"/gone\", \"PowerdownTimeout\": \"2s\"}");

        assertThat(QemuProperties.powerdownTimeoutOf(accepted)).isEqualTo(Duration.ofSeconds(2));
        assertThat(QemuProperties.powerdownTimeoutOf(Any.empty())).isEqualTo(Duration.ofSeconds(10));
    }

    private static void assertRejected(String json, String message) {
        assertThatThrownBy(() -> QemuProperties.parse(Any.parse(json)))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining(message);
    }
}
