package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteErrorsTest {

    @Test
    void theKindPicksTheException() throws Exception {
        assertThat(toException("{\"code\":-32000,\"message\":\"bad\",\"data\":{\"Kind\":\"InvalidSpec\"}}"))
                .isExactlyInstanceOf(InvalidSpecException.class).hasMessage("bad");
        assertThat(toException("{\"code\":-32000,\"message\":\"x\",\"data\":{\"Kind\":\"IncompatiblePlugin\"}}"))
                .isExactlyInstanceOf(IncompatiblePluginException.class).hasMessage("x");
        assertThat(toException("{\"code\":-32000,\"message\":\"instance i-9 not found\","
                + "\"data\":{\"Kind\":\"InstanceNotFound\",\"ID\":\"i-9\"}}"))
                .isInstanceOfSatisfying(InstanceNotFoundException.class,
                        e -> assertThat(e.id()).isEqualTo(InstanceId.of("i-9")));
    }

    @Test
    void anythingElseIsAPluginExceptionNamingPluginAndMethod() throws Exception {
        assertThat(toException("{\"code\":-32601,\"message\":\"rpc: can't find method\",\"data\":null}"))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("sim");
                    assertThat(e.operation()).isEqualTo("Instance.Provision");
                    assertThat(e.getMessage()).isEqualTo("rpc: can't find method");
                });
        assertThat(toException("{\"code\":-32000,\"message\":\"gone\",\"data\":{\"Kind\":\"InstanceNotFound\"}}"))
                .isExactlyInstanceOf(PluginException.class).hasMessage("gone");
        assertThat(toException("{\"code\":-32000,\"message\":\"m\",\"data\":{\"Kind\":\"SomethingNew\"}}"))
                .isExactlyInstanceOf(PluginException.class);
        assertThat(toException("{\"code\":-32000}")).hasMessage("error -32000");
    }

    private static RuntimeException toException(String error) throws Exception {
        JsonNode node = Json.mapper().readTree(error);
        return RemoteErrors.toException("sim", "Instance.Provision", node);
    }
}
