package io.infrakit.plugins.instance.qemu;

import io.infrakit.image.BuiltImage;
import io.infrakit.image.ImageBuilder;
import io.infrakit.spi.Any;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.PublishedPorts;
import io.infrakit.testkit.vm.TestKernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real VMs: an image built from the distribution kernel and busybox boots under QEMU (TCG), runs the user data
 * passed through fw_cfg, answers through its forwarded port, is found again by a fresh plugin (a manager restart),
 * powers down gracefully over QMP, and a VM killed by hand is reported gone. The image's qcow2 disk boots too, each
 * VM on its own overlay.
 */
class QemuInstancePluginIT {

    private static final Duration POWERDOWN_TIMEOUT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    private QemuInstancePlugin plugin;
    private BuiltImage image;

    @BeforeEach
    void buildTheImage() throws Exception {
        TestKernel kernel = TestKernel.require();
        Path spec = Files.writeString(work.resolve("web.yml"), """
                kernel: {path: %s, cmdline: "console=ttyS0 quiet panic=-1 cryptomgr.notests"}
                modules: [%s]
                init:
                  - mkdir -p /www
                  - echo "id=$(hostname) image=$IMAGE" > /www/index.html
                services:
                  - {name: web, command: "httpd -f -p 80 -h /www"}
                formats: [qcow2]
                """.formatted(kernel.vmlinuz(), String.join(", ", TestKernel.VM_MODULES)));
        image = new ImageBuilder(work.resolve("images"), kernel.modules(), Clock.systemUTC()).build(spec, Map.of());
        plugin = new QemuInstancePlugin(work.resolve("vms"), QemuBinaries.DEFAULT, Clock.systemUTC());
    }

    @AfterEach
    void stopEveryVm() {
        plugin.describeInstances(Map.of(), false).forEach(vm -> plugin.destroy(vm.id(), DestroyReason.TERMINATE));
    }

    @Test
    void aVmBootsServesItsUserDataSurvivesARestartAndPowersDownGracefully() throws Exception {
        InstanceSpec spec = new InstanceSpec(properties(), Map.of("infrakit.group", "web"),
                "echo user-data-ran >> /www/index.html", null, List.of());

        InstanceId id = plugin.provision(spec);

        InstanceDescription running = single(plugin.describeInstances(Map.of("infrakit.group", "web"), true));
        assertThat(running.id()).isEqualTo(id);
        assertThat(running.properties().node().path("Status").asText()).isEqualTo("running");
        InetSocketAddress web = PublishedPorts.address(running, 80).orElseThrow();
        assertThat(web.getHostString()).isEqualTo("127.0.0.1");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .untilAsserted(() -> assertThat(get(web)).contains("user-data-ran"));
        assertThat(get(web)).startsWith("id=" + id.value() + " image=" + image.hash() + "\n");

        QemuInstancePlugin afterRestart = new QemuInstancePlugin(work.resolve("vms"),
                QemuBinaries.DEFAULT, Clock.systemUTC());
        assertThat(afterRestart.describeInstances(Map.of("infrakit.group", "web"), false))
                .singleElement().satisfies(vm -> assertThat(vm.id()).isEqualTo(id));

        long pid = running.properties().node().path("Pid").asLong();
        long started = System.nanoTime();
        afterRestart.destroy(id, DestroyReason.TERMINATE);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("a guest that handles the ACPI button is down before the power-down timeout")
                .isLessThan(POWERDOWN_TIMEOUT.minusSeconds(2));
        assertThat(VmProcess.find(pid)).isEmpty();
        assertThat(work.resolve("vms").resolve(id.value())).doesNotExist();
        assertThat(plugin.describeInstances(Map.of(), false)).isEmpty();
    }

    @Test
    void aVmKilledByHandIsReportedGoneAndLeavesNothingBehind() throws Exception {
        InstanceId id = plugin.provision(new InstanceSpec(properties(), Map.of("infrakit.group", "web"), "", null,
                List.of()));
        long pid = single(plugin.describeInstances(Map.of(), true)).properties().node().path("Pid").asLong();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(plugin.describeInstances(Map.of("infrakit.group", "web"), false))
                        .isEmpty());
        assertThat(work.resolve("vms").resolve(id.value())).doesNotExist();
    }

    @Test
    void aVmBootsFromItsOwnOverlayOfTheImagesDiskAndLearnsWhoItIsThroughFwCfg() throws Exception {
        Path base = image.qcow2().orElseThrow();
        byte[] baseBefore = Files.readAllBytes(base);
        Any properties = Any.of(Map.of("Disk", base.toString(), "Image", image.hash(), "Ports", List.of(80),
                "PowerdownTimeout", POWERDOWN_TIMEOUT.toSeconds() + "s"));

        InstanceId id = plugin.provision(InstanceSpec.of(properties, Map.of("infrakit.group", "disk")));

        InstanceDescription vm = single(plugin.describeInstances(Map.of("infrakit.group", "disk"), true));
        InetSocketAddress web = PublishedPorts.address(vm, 80).orElseThrow();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).ignoreExceptions()
                .untilAsserted(() -> assertThat(get(web)).isEqualTo("id=" + id.value() + " image=" + image.hash() + "\n"));
        assertThat(work.resolve("vms").resolve(id.value()).resolve("disk.qcow2")).isRegularFile();

        plugin.destroy(id, DestroyReason.TERMINATE);

        assertThat(work.resolve("vms").resolve(id.value())).doesNotExist();
        assertThat(Files.readAllBytes(base)).as("the image's disk is shared and never written").isEqualTo(baseBefore);
    }

    private Any properties() {
        return Any.of(Map.of("Kernel", image.kernel().toString(), "Initrd", image.initrd().toString(),
                "Cmdline", image.cmdline(),
                "Image", image.hash(), "Memory", 128, "Ports", List.of(80),
                "PowerdownTimeout", POWERDOWN_TIMEOUT.toSeconds() + "s"));
    }

    private static InstanceDescription single(List<InstanceDescription> instances) {
        assertThat(instances).hasSize(1);
        return instances.get(0);
    }

    private static String get(InetSocketAddress address) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/index.html"))
                .timeout(Duration.ofSeconds(3)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
