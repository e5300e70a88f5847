package io.infrakit.spi.instance;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How an instance plugin tells where an instance's ports can be reached from this host: its description's
 * properties carry {@code "Ports": {"80": "127.0.0.1:18080"}}, the instance's own port to a host address. Health
 * checks and users read it the same way for every kind of instance.
 */
public final class PublishedPorts {

    public static final String PROPERTY = "Ports";

    private PublishedPorts() {
    }

    /** Where the instance's {@code port} answers, if its plugin published it. */
    public static Optional<InetSocketAddress> address(InstanceDescription instance, int port) {
        JsonNode ports = instance.properties().isEmpty() ? null : instance.properties().node().get(PROPERTY);
        JsonNode published = ports == null ? null : ports.get(Integer.toString(port));
        if (published == null || !published.isTextual()) {
            return Optional.empty();
        }
        String text = published.textValue();
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetSocketAddress.createUnresolved(text.substring(0, colon),
                    Integer.parseInt(text.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The property's value for instance ports mapped to host ports on {@code host}. */
    public static Map<String, String> of(String host, Map<Integer, Integer> instanceToHostPort) {
        Map<String, String> ports = new LinkedHashMap<>();
        instanceToHostPort.forEach((instancePort, hostPort) -> ports.put(instancePort.toString(), host + ":" + hostPort));
        return ports;
    }
}
