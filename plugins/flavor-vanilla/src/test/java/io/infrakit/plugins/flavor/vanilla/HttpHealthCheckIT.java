package io.infrakit.plugins.flavor.vanilla;

import io.infrakit.spi.Any;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.testkit.LoopbackPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The vanilla flavor's HealthCheck verdicts against a real HTTP server on 127.0.0.1. */
class HttpHealthCheckIT {

    private final VanillaFlavorPlugin flavor = new VanillaFlavorPlugin();
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSuccessfulAnswerContainingTheTextIsHealthy() {
        server.answering("/index.html", 200, "<p>ready</p>");

        assertThat(healthOf("{\"Port\": 80, \"Path\": \"/index.html\", \"Contains\": \"ready\"}"))
                .isEqualTo(Health.HEALTHY);
    }

    @Test
    void aSuccessfulAnswerWithoutTheTextIsUnhealthy() {
        server.answering("/index.html", 200, "<p>starting</p>");

        assertThat(healthOf("{\"Port\": 80, \"Path\": \"/index.html\", \"Contains\": \"ready\"}"))
                .isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void withoutContainsAnyTwoHundredAnswerOnTheDefaultPathIsHealthy() {
        server.answering("/", 204, "");

        assertThat(healthOf("{\"Port\": 80}")).isEqualTo(Health.HEALTHY);
    }

    @Test
    void anErrorStatusIsUnhealthyEvenWithTheText() {
        server.answering("/", 503, "ready soon");

        assertThat(healthOf("{\"Port\": 80, \"Contains\": \"ready\"}")).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void aRedirectIsNotFollowedAndIsUnhealthy() {
        server.answering("/", 302, "").answering("/elsewhere", 200, "ready");

        assertThat(healthOf("{\"Port\": 80}")).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void onlyTheFirst64KibOfTheBodyAreSearched() {
        String filler = "x".repeat(HealthProbe.BODY_LIMIT);
        server.answering("/early", 200, "ready" + filler).answering("/late", 200, filler + "ready");

        assertThat(healthOf("{\"Port\": 80, \"Path\": \"/early\", \"Contains\": \"ready\"}"))
                .isEqualTo(Health.HEALTHY);
        assertThat(healthOf("{\"Port\": 80, \"Path\": \"/late\", \"Contains\": \"ready\"}"))
                .isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void aClosedPortIsUnhealthy() throws IOException {
        int closedPort = LoopbackPorts.free();

        Health health = flavor.healthy(check("{\"Port\": 80}"), LocalHttpServer.instancePublishing(closedPort));

        assertThat(health).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsUnhealthyWithinAboutTheTimeout() {
        server.stalling("/slow");
        long start = System.nanoTime();

        Health health = healthOf("{\"Port\": 80, \"Path\": \"/slow\", \"Timeout\": \"300ms\"}");

        assertThat(health).isEqualTo(Health.UNHEALTHY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aBodyThatStopsArrivingIsUnhealthyWithinAboutTheTimeout() {
        server.stallingMidBody("/trickle", "ready");
        long start = System.nanoTime();

        Health health =
                healthOf("{\"Port\": 80, \"Path\": \"/trickle\", \"Contains\": \"ready\", \"Timeout\": \"300ms\"}");

        assertThat(health).isEqualTo(Health.UNHEALTHY);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void anInstanceWithoutAPublishedAddressForThePortIsUnknown() {
        server.answering("/", 200, "ready");
        InstanceDescription unpublished = new InstanceDescription(InstanceId.of("i-1"), null, Map.of(), Any.empty());
        InstanceDescription otherPort = new InstanceDescription(InstanceId.of("i-2"), null, Map.of(),
                Any.parse("{\"Ports\": {\"22\": \"127.0.0.1:" + server.port() + "\"}}"));

        assertThat(flavor.healthy(check("{\"Port\": 80}"), unpublished)).isEqualTo(Health.UNKNOWN);
        assertThat(flavor.healthy(check("{\"Port\": 80}"), otherPort)).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void withoutAHealthCheckEveryInstanceIsHealthy() {
        server.answering("/", 503, "down");

        assertThat(flavor.healthy(Any.parse("{\"Init\": [\"echo\"]}"), server.instance())).isEqualTo(Health.HEALTHY);
        assertThat(flavor.healthy(Any.empty(), server.instance())).isEqualTo(Health.HEALTHY);
    }

    @Test
    void oneFlavorChecksManyInstancesConcurrently() {
        server.answering("/", 200, "ready");

        assertThat(IntStream.range(0, 16).parallel()
                .mapToObj(i -> healthOf("{\"Port\": 80, \"Contains\": \"ready\"}")))
                .containsOnly(Health.HEALTHY)
                .hasSize(16);
    }

    private Health healthOf(String healthCheck) {
        return flavor.healthy(check(healthCheck), server.instance());
    }

    private static Any check(String healthCheck) {
        return Any.parse("{\"Init\": [\"httpd\"], \"HealthCheck\": " + healthCheck + "}");
    }
}
