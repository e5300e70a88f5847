package io.infrakit.plugins.instance.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.infrakit.engine.group.ControllerSettings;
import io.infrakit.engine.group.DefaultGroupController;
import io.infrakit.image.BuiltImage;
import io.infrakit.image.ImageBuilder;
import io.infrakit.plugins.flavor.vanilla.VanillaFlavorPlugin;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceChangeNotices;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstancePlugin;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.InstancesChanged;
import io.infrakit.spi.plugin.PluginLookup;
import io.infrakit.testkit.vm.TestKernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QEMU's own events tell the plugin's subscribers, with real VMs: a guest paused and resumed through the plugin's
 * command monitor is told twice although its process never ends; a guest that powers off while QEMU lingers (as with
 * -no-shutdown) is reported gone even by a describe without properties, which asks QMP nothing; and a group whose
 * controller polls only once a minute replaces a guest that powers itself off long before that poll. The guest powers off when it asks the test,
 * over QEMU's user network, whether it should (its init script asks once a second from the end of its boot).
 */
class QemuEventsIT {

    private static final GroupId GROUP = GroupId.of("qemu-events");
    private static final Duration POLL = Duration.ofSeconds(60);
    private static final Duration BOOT = Duration.ofSeconds(90);
    private static final Duration NOTICE = Duration.ofSeconds(5);

    @TempDir
    Path work;

    private BuiltImage image;
    private QemuInstancePlugin plugin;
    private HttpServer askedToPowerOff;
    private final Set<String> powerOff = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> toldToPowerOff = new ConcurrentHashMap<>();
    private final List<Told> notices = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;
    private DefaultGroupController controller;

    private record Told(Instant at, InstancesChanged notice) {
    }

    @BeforeEach
    void buildTheImageAndStartTheQuestionServer() throws Exception {
        TestKernel kernel = TestKernel.require();
        Path spec = Files.writeString(work.resolve("web.yml"), """
                kernel: {path: %s, cmdline: "console=ttyS0 quiet panic=-1 cryptomgr.notests"}
                modules: [%s]
                init:
                  - mkdir -p /www
                  - echo "id=$(hostname)" > /www/index.html
                services:
                  - {name: web, command: "httpd -f -p 80 -h /www"}
                """.formatted(kernel.vmlinuz(), String.join(", ", TestKernel.VM_MODULES)));
        image = new ImageBuilder(work.resolve("images"), kernel.modules(), Clock.systemUTC()).build(spec, Map.of());
        plugin = new QemuInstancePlugin(work.resolve("vms"), QemuBinaries.DEFAULT, Clock.systemUTC());
        askedToPowerOff = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        askedToPowerOff.createContext("/poweroff/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/poweroff/".length());
            boolean yes = powerOff.contains(id);
            if (yes) {
                toldToPowerOff.putIfAbsent(id, Instant.now());
            }
            byte[] body = (yes ? "yes" : "no").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(yes ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        askedToPowerOff.start();
    }

    @AfterEach
    void stopEverything() {
        try {
            if (controller != null) {
                controller.close();
            }
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            plugin.describeInstances(Map.of(), false).forEach(vm -> plugin.destroy(vm.id(), DestroyReason.TERMINATE));
        } finally {
            askedToPowerOff.stop(0);
        }
    }

    @Test
    void aGuestPausedAndResumedThroughQmpIsToldThoughItsProcessNeverEnds() throws Exception {
        try (InstanceChangeNotices.Subscription subscription = plugin.subscribe(this::told)) {
            InstanceId id = plugin.provision(new InstanceSpec(properties(),
                    Map.of("infrakit.group", "paused"), "", null, List.of()));
            long pid = status(id).path("Pid").asLong();
            Path monitor = work.resolve("vms").resolve(id.value()).resolve("qmp.sock");

            try (QmpClient qmp = QmpClient.connect(monitor, Duration.ofSeconds(2))) {
                qmp.execute("stop");
            }
            await().atMost(NOTICE).until(() -> noticesOf(id) == 1);
            assertThat(status(id).path("Status").asText()).isEqualTo("paused");

            try (QmpClient qmp = QmpClient.connect(monitor, Duration.ofSeconds(2))) {
                qmp.execute("cont");
            }
            await().atMost(NOTICE).until(() -> noticesOf(id) == 2);
            assertThat(status(id).path("Status").asText()).isEqualTo("running");
            assertThat(VmProcess.find(pid)).as("the same QEMU process ran all along").isPresent();
        }
    }

    @Test
    void aGuestThatPowersOffWhileItsQemuLingersIsReportedGoneByDescribeWithoutProperties() throws Exception {
        try (InstanceChangeNotices.Subscription subscription = plugin.subscribe(this::told)) {
            InstanceId id = plugin.provision(new InstanceSpec(properties(), Map.of("infrakit.group", "lingers"),
                    askToPowerOff(), null, List.of()));
            Path vm = work.resolve("vms").resolve(id.value());
            long pid = status(id).path("Pid").asLong();
            try (QmpClient qmp = QmpClient.connect(vm.resolve("qmp.sock"), Duration.ofSeconds(2))) {
                // What -no-shutdown does: a guest that powers off leaves QEMU running, stopped.
                qmp.execute("set-action", Json.mapper().createObjectNode().put("shutdown", "pause"));
            }

            powerOff.add(id.value());
            await().atMost(BOOT).until(() -> noticesOf(id) > 0);

            assertThat(VmProcess.find(pid)).as("QEMU lingers after the guest's power-off").isPresent();
            assertThat(plugin.describeInstances(Map.of("infrakit.group", "lingers"), false)).isEmpty();
            assertThat(VmProcess.find(pid)).isEmpty();
            assertThat(vm).doesNotExist();
        }
    }

    @Test
    void aGuestThatPowersItselfOffIsReplacedLongBeforeThePoll() {
        scheduler = Executors.newScheduledThreadPool(4);
        controller = new DefaultGroupController(lookup(plugin, new VanillaFlavorPlugin()), Clock.systemUTC(),
                scheduler, ControllerSettings.defaults().withPollInterval(POLL));
        try (InstanceChangeNotices.Subscription subscription = plugin.subscribe(this::told)) {
            Instant committed = Instant.now();
            controller.commitGroup(spec(), false);
            await().atMost(BOOT).until(() -> members().size() == 1);
            InstanceId first = members().get(0).id();
            powerOff.add(first.value());
            await().atMost(BOOT).until(() -> toldToPowerOff.containsKey(first.value()));
            Instant poweringOff = toldToPowerOff.get(first.value());

            await().atMost(POLL).until(() -> {
                List<InstanceDescription> now = members();
                return now.size() == 1 && !now.get(0).id().equals(first);
            });
            Instant replaced = Instant.now();
            Instant toldAt = notices.stream().filter(told -> told.notice().instances().contains(first))
                    .map(Told::at).findFirst().orElseThrow();

            assertThat(replaced).as("replaced before the controller's first poll").isBefore(committed.plus(POLL));
            System.out.printf("QemuEventsIT: guest %s told to power off; notice after %d ms, replaced by %s after"
                            + " %d ms (poll %d s)%n", first, Duration.between(poweringOff, toldAt).toMillis(),
                    members().get(0).id(), Duration.between(poweringOff, replaced).toMillis(), POLL.toSeconds());
        }
    }

    private void told(InstancesChanged notice) {
        notices.add(new Told(Instant.now(), notice));
    }

    private long noticesOf(InstanceId id) {
        return notices.stream().filter(told -> told.notice().instances().contains(id)).count();
    }

    private JsonNode status(InstanceId id) {
        return plugin.describeInstances(Map.of(), true).stream().filter(vm -> vm.id().equals(id)).findFirst()
                .orElseThrow().properties().node();
    }

    private List<InstanceDescription> members() {
        return plugin.describeInstances(Map.of("infrakit.group", GROUP.value()), false);
    }

    private Any properties() {
        return Any.of(Map.of("Kernel", image.kernel().toString(), "Initrd", image.initrd().toString(),
                "Cmdline", image.cmdline(), "Image", image.hash(), "Memory", 128, "Ports", List.of(80),
                "PowerdownTimeout", "10s"));
    }

    /** The guest's init script: once a second, it asks the test whether to power off, and does when told so. */
    private String askToPowerOff() {
        return "(while sleep 1; do wget -q -O /dev/null http://10.0.2.2:" + askedToPowerOff.getAddress().getPort()
                + "/poweroff/$(hostname) && poweroff -f; done) &";
    }

    private GroupSpec spec() {
        String ask = askToPowerOff();
        var properties = Json.mapper().createObjectNode();
        properties.putObject("Allocation").put("Size", 1);
        var instance = properties.putObject("Instance").put("Plugin", "qemu");
        instance.set("Properties", properties().node());
        properties.putObject("Flavor").put("Plugin", "vanilla").putObject("Properties").putArray("Init").add(ask);
        return new GroupSpec(GROUP, Any.of(properties));
    }

    private static PluginLookup lookup(InstancePlugin instances, FlavorPlugin flavor) {
        return new PluginLookup() {
            @Override
            public InstancePlugin instance(PluginName name) {
                return instances;
            }

            @Override
            public FlavorPlugin flavor(PluginName name) {
                return flavor;
            }
        };
    }
}
