package io.infrakit.plugins.instance.qemu;

import io.infrakit.spi.Any;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.testkit.InstancePluginContractTest;
import io.infrakit.testkit.vm.TestKernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The shared instance plugin contract, against real QEMU processes. The guests need not boot for the contract, so
 * they get the distribution kernel and an empty initrd: the kernel finds no init and waits (panic=0) while the
 * contract provisions, describes, labels and destroys them.
 */
class QemuInstancePluginContractIT extends InstancePluginContractTest {

    @TempDir
    Path work;

    private QemuInstancePlugin plugin;
    private Any properties;

    @BeforeEach
    void newPlugin() throws IOException {
        TestKernel kernel = TestKernel.require();
        Path initrd = Files.write(work.resolve("empty.img"), new byte[0]);
        properties = Any.of(Map.of("Kernel", kernel.vmlinuz().toString(), "Initrd", initrd.toString(),
                "Cmdline", "console=ttyS0 panic=0", "Memory", 96, "PowerdownTimeout", "0s"));
        plugin = new QemuInstancePlugin(work.resolve("vms"), QemuBinaries.DEFAULT, Clock.systemUTC());
    }

    @AfterEach
    void stopEveryVm() {
        for (InstanceDescription vm : plugin.describeInstances(Map.of(), false)) {
            plugin.destroy(vm.id(), DestroyReason.TERMINATE);
        }
    }

    @Override
    protected InstancePlugin plugin() {
        return plugin;
    }

    @Override
    protected Any validProperties() {
        return properties;
    }

    @Override
    protected InstanceId unknownInstanceId() {
        return InstanceId.of("qemu-00000000");
    }

    @Override
    protected List<InvalidProperties> invalidProperties() {
        return List.of(
                InvalidProperties.of("{\"Initrd\": \"/dev/null\"}", "\"Kernel\" is required"),
                InvalidProperties.of("{\"Kernel\": \"/no/such/kernel\", \"Initrd\": \"/dev/null\"}",
                        "no readable file /no/such/kernel"),
                InvalidProperties.of("{\"Kernal\": \"x\"}", "did you mean \"Kernel\""),
                InvalidProperties.of("[1, 2]", "must be a JSON object"));
    }
}
