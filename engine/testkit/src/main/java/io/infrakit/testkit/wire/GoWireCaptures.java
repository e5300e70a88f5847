package io.infrakit.testkit.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The recorded InfraKit (Go) exchanges kept beside this class (see the README there). */
public final class GoWireCaptures {

    private GoWireCaptures() {
    }

    /** The Go CLI talking to the Go manager {@code mystack} and to the Go plugins. */
    public static List<GoExchange> cliToGo() {
        return read("wire-gocli-to-go.jsonl");
    }

    /** The Go group controller talking to the Go {@code instance-file} and {@code flavor-vanilla} plugins. */
    public static List<GoExchange> managerToPlugins() {
        return read("wire-gomanager-to-goplugins.jsonl");
    }

    /** The exchanges of one socket and JSON-RPC method, in recorded order. */
    public static List<GoExchange> select(List<GoExchange> exchanges, String plugin, String rpcMethod) {
        return exchanges.stream()
                .filter(exchange -> exchange.plugin().equals(plugin) && exchange.rpcMethod().equals(rpcMethod))
                .toList();
    }

    private static List<GoExchange> read(String name) {
        List<GoExchange> exchanges = new ArrayList<>();
        try (InputStream in = GoWireCaptures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    JsonNode node = Json.mapper().readTree(line);
                    exchanges.add(new GoExchange(node.path("plugin").asText(), node.path("method").asText(),
                            node.path("path").asText(), node.get("request"), node.path("status").asInt(),
                            node.get("response")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(exchanges);
    }
}
