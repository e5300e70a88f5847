package io.infrakit.plugins.flavor.vanilla;

import io.infrakit.rpc.PluginClient;
import io.infrakit.rpc.PluginServer;
import io.infrakit.rpc.RemoteFlavorPlugin;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.flavor.FlavorPlugin;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.Attachment;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vanilla flavor served on a real unix socket and called through InfraKit's JSON-RPC. */
class VanillaOverSocketIT {

    private Path dir;
    private PluginServer server;
    private FlavorPlugin vanilla;

    @BeforeEach
    void serve() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "ik-van");
        server = PluginServer.start(dir.resolve("vanilla"), PluginObjects.flavor(new VanillaFlavorPlugin()));
        vanilla = new RemoteFlavorPlugin(new PluginClient("vanilla", server.socket()), PluginName.of("vanilla"));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        Files.deleteIfExists(dir);
    }

    @Test
    void preparesTheInstanceSpecAcrossTheWire() {
        Any properties = Any.parse("{\"Init\": [\"apt-get update\", \"run web\"], \"Tags\": {\"tier\": \"web\"},"
                + " \"Attachments\": [{\"ID\": \"vol-1\", \"Type\": \"ebs\"}]}");
        InstanceSpec spec = new InstanceSpec(Any.parse("{\"image\":\"x\"}"), Map.of("infrakit.group", "workers"),
                "echo first", null, List.of());

        InstanceSpec prepared = vanilla.prepare(properties, spec, Allocation.ofSize(3), new Index("workers", 3));

        assertThat(prepared.init()).isEqualTo("echo first\napt-get update\nrun web");
        assertThat(prepared.tags()).containsEntry("tier", "web").containsEntry("infrakit.group", "workers");
        assertThat(prepared.attachments()).containsExactly(new Attachment("vol-1", "ebs"));
        assertThat(prepared.properties()).isEqualTo(Any.parse("{\"image\":\"x\"}"));
    }

    @Test
    void healthAndDrainTravelToo() {
        InstanceDescription instance = new InstanceDescription(InstanceId.of("i-1"), null, Map.of(), Any.empty());

        assertThat(vanilla.healthy(Any.empty(), instance)).isEqualTo(Health.HEALTHY);
        assertThatCode(() -> vanilla.drain(Any.empty(), instance)).doesNotThrowAnyException();
    }

    @Test
    void aHealthCheckVerdictAndThePublishedPortsTravelToo() {
        try (LocalHttpServer instance = new LocalHttpServer()) {
            instance.answering("/up", 200, "ready").answering("/down", 503, "ready");

            assertThat(vanilla.healthy(healthCheck("/up"), instance.instance())).isEqualTo(Health.HEALTHY);
            assertThat(vanilla.healthy(healthCheck("/down"), instance.instance())).isEqualTo(Health.UNHEALTHY);
        }
    }

    @Test
    void aBadHealthCheckIsRejectedAcrossTheWire() {
        Any eighty = Any.parse("{\"HealthCheck\": {\"Port\": \"eighty\"}}");

        assertThatThrownBy(() -> vanilla.validate(eighty, Allocation.ofSize(1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("vanilla flavor property \"HealthCheck.Port\" must be an integer from 1 to 65535,"
                        + " got \"eighty\"");
    }

    @Test
    void aValidationErrorArrivesWithItsExactMessageAndKind() {
        Any both = Any.parse("{\"Init\": [\"x\"], \"InitScriptTemplateURL\": \"str://y\"}");

        assertThatThrownBy(() -> vanilla.validate(both, Allocation.ofSize(1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Either \"Init\" or \"InitScriptTemplateURL\" can be specified but not both");
    }

    private static Any healthCheck(String path) {
        return Any.parse("{\"HealthCheck\": {\"Port\": 80, \"Path\": \"" + path + "\", \"Contains\": \"ready\"}}");
    }
}
