package io.infrakit.plugins.flavor.vanilla;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.group.Allocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpHealthCheckTest {

    private final VanillaFlavorPlugin flavor = new VanillaFlavorPlugin();

    @Test
    void onlyThePortIsRequired() {
        assertThat(parse("{\"Port\": 80}"))
                .isEqualTo(new HttpHealthCheck(80, "/", "", Duration.ofSeconds(2)));
    }

    @Test
    void everyPropertyIsRead() {
        assertThat(parse("{\"Port\": 8080, \"Path\": \"/index.html?probe=1\", \"Contains\": \"ready\","
                + " \"Timeout\": \"1m\"}"))
                .isEqualTo(new HttpHealthCheck(8080, "/index.html?probe=1", "ready", Duration.ofMinutes(1)));
    }

    @Test
    void aNullHealthCheckIsNone() {
        assertThat(VanillaProperties.parse(Any.parse("{\"HealthCheck\": null}")).healthCheckIfAny()).isEmpty();
        assertThat(VanillaProperties.parse(Any.empty()).healthCheckIfAny()).isEmpty();
    }

    @Test
    void validateAcceptsAGoodHealthCheck() {
        assertThatCode(() -> validate("{\"Port\": 80, \"Path\": \"/\", \"Contains\": \"ok\", \"Timeout\": \"500ms\"}"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "80                          | vanilla flavor property \"HealthCheck\" must be an object such as "
                + "{\"Port\": 80, \"Path\": \"/\"}, got 80",
        "{}                          | vanilla flavor property \"HealthCheck.Port\" is required: the instance's "
                + "port to check, an integer from 1 to 65535",
        "{\"Port\": \"eighty\"}      | vanilla flavor property \"HealthCheck.Port\" must be an integer from 1 to "
                + "65535, got \"eighty\"",
        "{\"Port\": \"80\"}          | vanilla flavor property \"HealthCheck.Port\" must be an integer from 1 to "
                + "65535, got \"80\"",
        "{\"Port\": 0}               | vanilla flavor property \"HealthCheck.Port\" must be an integer from 1 to "
                + "65535, got 0",
        "{\"Port\": 65536}           | vanilla flavor property \"HealthCheck.Port\" must be an integer from 1 to "
                + "65535, got 65536",
        "{\"Port\": 80.5}            | vanilla flavor property \"HealthCheck.Port\" must be an integer from 1 to "
                + "65535, got 80.5",
        "{\"Port\": 80, \"Path\": \"index.html\"} | vanilla flavor property \"HealthCheck.Path\" must be a URL "
                + "path starting with \"/\", such as \"/index.html\", got \"index.html\"",
        "{\"Port\": 80, \"Path\": \"/a b\"}       | vanilla flavor property \"HealthCheck.Path\" must be a URL "
                + "path starting with \"/\", such as \"/index.html\", got \"/a b\"",
        "{\"Port\": 80, \"Path\": 1}              | vanilla flavor property \"HealthCheck.Path\" must be a URL "
                + "path starting with \"/\", such as \"/index.html\", got 1",
        "{\"Port\": 80, \"Contains\": [\"a\"]}    | vanilla flavor property \"HealthCheck.Contains\" must be a "
                + "string, got [\"a\"]",
        "{\"Port\": 80, \"Timeout\": \"soon\"}    | vanilla flavor property \"HealthCheck.Timeout\" must be a "
                + "duration above 0 and at most 1m, such as \"2s\", got \"soon\"",
        "{\"Port\": 80, \"Timeout\": 2}           | vanilla flavor property \"HealthCheck.Timeout\" must be a "
                + "duration above 0 and at most 1m, such as \"2s\", got 2",
        "{\"Port\": 80, \"Timeout\": \"0s\"}      | vanilla flavor property \"HealthCheck.Timeout\" must be a "
                + "duration above 0 and at most 1m, such as \"2s\", got \"0s\"",
        "{\"Port\": 80, \"Timeout\": \"-2s\"}     | vanilla flavor property \"HealthCheck.Timeout\" must be a "
                + "duration above 0 and at most 1m, such as \"2s\", got \"-2s\"",
        "{\"Port\": 80, \"Timeout\": \"61s\"}     | vanilla flavor property \"HealthCheck.Timeout\" must be a "
                + "duration above 0 and at most 1m, such as \"2s\", got \"61s\"",
        "{\"port\": 80}              | unknown vanilla flavor property \"HealthCheck.port\" "
                + "(did you mean \"HealthCheck.Port\"?)",
        "{\"Port\": 80, \"Retries\": 3} | unknown vanilla flavor property \"HealthCheck.Retries\"; known "
                + "properties: HealthCheck.Port, HealthCheck.Path, HealthCheck.Contains, HealthCheck.Timeout"
    })
    void validateRejectsABadHealthCheckByName(String healthCheck, String message) {
        assertThatThrownBy(() -> validate(healthCheck))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(message);
    }

    @Test
    void aMisspeltHealthCheckIsAnUnknownProperty() {
        assertThatThrownBy(() -> flavor.validate(Any.parse("{\"Healthcheck\": {\"Port\": 80}}"), Allocation.ofSize(1)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("unknown vanilla flavor property \"Healthcheck\" (did you mean \"HealthCheck\"?)");
    }

    @Test
    void theUrlIsThePathAtThePublishedAddress() {
        HttpHealthCheck check = parse("{\"Port\": 80, \"Path\": \"/health?full=1\"}");

        assertThat(check.uriAt(InetSocketAddress.createUnresolved("127.0.0.1", 18080)))
                .isEqualTo(URI.create("http://127.0.0.1:18080/health?full=1"));
        assertThat(check.uriAt(InetSocketAddress.createUnresolved("::1", 18080)))
                .isEqualTo(URI.create("http://[::1]:18080/health?full=1"));
    }

    private void validate(String healthCheck) {
        flavor.validate(Any.parse("{\"HealthCheck\": " + healthCheck + "}"), Allocation.ofSize(1));
    }

    private static HttpHealthCheck parse(String healthCheck) {
        return VanillaProperties.parse(Any.parse("{\"HealthCheck\": " + healthCheck + "}")).healthCheckIfAny()
                .orElseThrow();
    }
}
