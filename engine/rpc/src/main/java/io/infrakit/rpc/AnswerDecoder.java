package io.infrakit.rpc;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Json;
import io.infrakit.spi.PluginException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One JSON-RPC answer, read in a single pass: the result is decoded from the bytes straight into its type, with no
 * tree in between (that halves the cost of a big answer such as a 10,000-member group), and an error becomes the
 * plugin's exception.
 */
final class AnswerDecoder<T> {

    private final String plugin;
    private final String method;
    private final byte[] body;
    private final Class<T> resultType;

    AnswerDecoder(String plugin, String method, byte[] body, Class<T> resultType) {
        this.plugin = plugin;
        this.method = method;
        this.body = body;
        this.resultType = resultType;
    }

    T result() {
        boolean hasResult = false;
        T result = null;
        JsonNode error = null;
        try (JsonParser parser = Json.mapper().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("malformed answer (not a JSON-RPC response): ", null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("result".equals(field)) {
                    hasResult = true;
                    result = Json.mapper().readValue(parser, resultType);
                } else if ("error".equals(field)) {
                    error = Json.mapper().readTree(parser);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (DatabindException e) {
            throw errorOr(malformed("malformed answer: ", e));
        } catch (JsonProcessingException e) {
            throw malformed("malformed answer (not JSON): ", e);
        } catch (IOException e) {
            throw malformed("malformed answer: ", e);
        }
        if (error != null && !error.isNull()) {
            throw remote(error);
        }
        if (!hasResult) {
            throw malformed("malformed answer (no result): ", null);
        }
        return result;
    }

    /** A result that does not fit its type is the plugin's fault, unless the answer also carries an error. */
    private RuntimeException errorOr(PluginException malformed) {
        try {
            JsonNode error = Json.mapper().readTree(body).get("error");
            return error == null || error.isNull() ? malformed : remote(error);
        } catch (IOException e) {
            return malformed;
        }
    }

    private RuntimeException remote(JsonNode error) {
        if (!error.isObject()) {
            return malformed("malformed error: ", null);
        }
        return RemoteErrors.toException(plugin, method, error);
    }

    private PluginException malformed(String what, Exception cause) {
        return new PluginException(plugin, method,
                what + PluginClient.snippet(new String(body, StandardCharsets.UTF_8)), cause);
    }
}
