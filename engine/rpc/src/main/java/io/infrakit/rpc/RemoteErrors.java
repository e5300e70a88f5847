package io.infrakit.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;

import java.util.ArrayList;
import java.util.List;

/** Turns a JSON-RPC error object back into the exception the plugin threw. */
final class RemoteErrors {

    private RemoteErrors() {
    }

    static InfrakitException toException(String plugin, String method, JsonNode error) {
        String message = error.path("message").isTextual()
                ? error.path("message").asText()
                : "error " + error.path("code").asText("without a message");
        JsonNode data = error.path("data");
        ErrorKind kind = ErrorKind.fromWire(data.path("Kind").asText(""));
        return switch (kind) {
            case INVALID_SPEC -> new InvalidSpecException(message);
            case INSTANCE_NOT_FOUND -> data.path("ID").isTextual() && !data.path("ID").asText().isBlank()
                    ? new InstanceNotFoundException(InstanceId.of(data.path("ID").asText()))
                    : new PluginException(plugin, method, message);
            case INCOMPATIBLE_PLUGIN -> new IncompatiblePluginException(message);
            case PLUGIN_NOT_FOUND -> data.path("Name").isTextual()
                    ? new PluginNotFoundException(message, data.path("Name").asText(), known(data.path("Known")))
                    : new PluginException(plugin, method, message);
            case PLUGIN -> new PluginException(plugin, method, message);
        };
    }

    private static List<String> known(JsonNode names) {
        List<String> known = new ArrayList<>();
        names.forEach(name -> known.add(name.asText()));
        return known;
    }
}
