package io.infrakit.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Json;

/** Params that do not decode into the method's request; answered with JSON-RPC's -32602. */
final class InvalidParamsException extends RuntimeException {

    InvalidParamsException(String message, Throwable cause) {
        super(message, cause);
    }

    static <T> T decode(JsonNode params, Class<T> type) {
        try {
            return Json.mapper().treeToValue(params, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidParamsException("invalid params: " + reason(e), e);
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : String.valueOf(e.getMessage());
    }
}
