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

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * VMs on a host bridge (docs/images-and-vms.md): each gets a tap device and an address of the subnet, the host reaches
 * both at their own addresses, one VM reaches the other, and destroying them removes their taps. The test makes
 * the bridge (root, as in CI) and removes it.
 */
class QemuBridgeIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    private String bridge;
    private String subnet;
    private QemuInstancePlugin plugin;
    private BuiltImage image;

    @BeforeEach
    void bridgeAndImage() throws Exception {
        TestKernel kernel = TestKernel.require();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        bridge = "ikbr" + Integer.toHexString(random.nextInt(0x1000, 0x10000));
        String prefix = "10." + random.nextInt(100, 250) + "." + random.nextInt(1, 250);
        subnet = prefix + ".0/24";
        ip("link", "add", bridge, "type", "bridge");
        ip("addr", "add", prefix + ".1/24", "dev", bridge);
        ip("link", "set", bridge, "up");
        Path spec = Files.writeString(work.resolve("web.yml"), """
                kernel: {path: %s, cmdline: "console=ttyS0 quiet panic=-1 cryptomgr.notests"}
                modules: [%s]
                init:
                  - mkdir -p /www
                  - echo "id=$ID" > /www/index.html
                services:
                  - {name: web, command: "httpd -f -p 80 -h /www"}
                """.formatted(kernel.vmlinuz(), String.join(", ", TestKernel.VM_MODULES)));
        image = new ImageBuilder(work.resolve("images"), kernel.modules(), Clock.systemUTC()).build(spec, Map.of());
        plugin = new QemuInstancePlugin(work.resolve("vms"), QemuBinaries.DEFAULT, Clock.systemUTC());
    }

    @AfterEach
    void removeVmsAndBridge() throws Exception {
        try {
            plugin.describeInstances(Map.of(), false).forEach(vm -> plugin.destroy(vm.id(), DestroyReason.TERMINATE));
        } finally {
            ip("link", "del", bridge);
        }
    }

    @Test
    void bridgedVmsGetTheirOwnAddressesReachEachOtherAndLeaveNoTapBehind() throws Exception {
        InstanceId first = plugin.provision(spec(""));
        InetSocketAddress firstWeb = web(first);
        InstanceId second = plugin.provision(spec("( for i in $(seq 1 90); do wget -q -O /www/peer.html http://"
                + firstWeb.getHostString() + "/index.html && break; sleep 1; done ) &"));
        InetSocketAddress secondWeb = web(second);

        assertThat(firstWeb.getHostString()).isEqualTo(subnet.replace(".0/24", ".2"));
        assertThat(secondWeb.getHostString()).isEqualTo(subnet.replace(".0/24", ".3"));
        assertThat(firstWeb.getPort()).isEqualTo(80);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(get(firstWeb, "/index.html")).isEqualTo("id=" + first.value() + "\n");
                    assertThat(get(secondWeb, "/index.html")).isEqualTo("id=" + second.value() + "\n");
                    assertThat(get(secondWeb, "/peer.html")).as("the second VM fetched the first one's page")
                            .isEqualTo("id=" + first.value() + "\n");
                });
        assertThat(Path.of("/sys/class/net", TapDevices.nameOf(first), "master")).isSymbolicLink();

        plugin.destroy(first, DestroyReason.TERMINATE);
        plugin.destroy(second, DestroyReason.TERMINATE);

        assertThat(Path.of("/sys/class/net", TapDevices.nameOf(first))).doesNotExist();
        assertThat(Path.of("/sys/class/net", TapDevices.nameOf(second))).doesNotExist();
        assertThat(plugin.describeInstances(Map.of(), false)).isEmpty();
    }

    private InstanceSpec spec(String init) {
        Any properties = Any.of(Map.of("Kernel", image.vmlinux().orElse(image.kernel()).toString(),
                "Initrd", image.initrd().toString(), "Bridge", bridge, "Subnet", subnet, "Ports", List.of(80),
                "PowerdownTimeout", "10s"));
        return new InstanceSpec(properties, Map.of("infrakit.group", "bridged"), init, null, List.of());
    }

    private InetSocketAddress web(InstanceId id) {
        InstanceDescription vm = plugin.describeInstances(Map.of("infrakit.group", "bridged"), true).stream()
                .filter(described -> described.id().equals(id)).findFirst().orElseThrow();
        return PublishedPorts.address(vm, 80).orElseThrow();
    }

    private static String get(InetSocketAddress address, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://" + address.getHostString() + ":" + address.getPort() + path))
                .timeout(Duration.ofSeconds(3)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void ip(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": "
                + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
    }
}
