package io.infrakit.testkit.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrakit.spi.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers JSON-RPC requests as an InfraKit (Go) plugin did, from recorded exchanges: a request gets the answer
 * recorded for the same method and params (its id aside). Recordings are used in recorded order, each once, the last
 * one again once all are used; a request with no recording gets a -32000 error, as InfraKit's servers answer a call
 * they cannot serve. Remembers every request, for a test to compare with what InfraKit's CLI sent.
 */
public final class GoReplay {

    private final List<GoExchange> recorded;
    private final Set<Integer> used = new HashSet<>();
    private final List<JsonNode> requests = new ArrayList<>();

    public GoReplay(List<GoExchange> recorded) {
        this.recorded = List.copyOf(recorded);
    }

    /** The JSON-RPC answer to one request, carrying the request's id. */
    public synchronized ObjectNode answer(JsonNode request) {
        requests.add(request);
        String method = request.path("method").asText("");
        JsonNode params = request.path("params");
        int match = -1;
        for (int i = 0; i < recorded.size(); i++) {
            GoExchange exchange = recorded.get(i);
            if (exchange.rpcMethod().equals(method) && exchange.request().path("params").equals(params)) {
                match = i;
                if (!used.contains(i)) {
                    break;
                }
            }
        }
        ObjectNode answer;
        if (match < 0) {
            answer = Json.mapper().createObjectNode().put("jsonrpc", "2.0");
            answer.putObject("error").put("code", -32000)
                    .put("message", "no recorded answer to " + method + " " + params).putNull("data");
        } else {
            used.add(match);
            answer = recorded.get(match).response().deepCopy();
        }
        answer.set("id", request.path("id"));
        return answer;
    }

    /** Every request answered so far, in order. */
    public synchronized List<JsonNode> requests() {
        return List.copyOf(requests);
    }
}
