package io.infrakit.plugins.instance.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.common.Durations;
import io.infrakit.common.Suggestions;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one container is made of, read strictly from the instance properties: the image (present in the daemon:
 * this plugin never pulls), the command, environment, published ports, bind mounts, restart policy, whether docker's
 * init runs as PID 1, and how long a stop may take before the container is killed.
 */
record DockerProperties(String image, List<String> cmd, Map<String, String> env, List<PortBinding> ports,
                        List<String> binds, String restartPolicy, boolean init, Duration stopTimeout) {

    static final String IMAGE = "Image";
    static final String CMD = "Cmd";
    static final String ENV = "Env";
    static final String PORTS = "Ports";
    static final String BINDS = "Binds";
    static final String RESTART_POLICY = "RestartPolicy";
    static final String INIT = "Init";
    static final String STOP_TIMEOUT = "StopTimeout";
    static final Set<String> KNOWN = new TreeSet<>(
            List.of(IMAGE, CMD, ENV, PORTS, BINDS, RESTART_POLICY, INIT, STOP_TIMEOUT));
    static final Set<String> RESTART_POLICIES = new TreeSet<>(List.of("no", "always", "unless-stopped", "on-failure"));
    static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    /** A container port published on a host port, as {@code [hostIp:]hostPort:containerPort}. */
    record PortBinding(String hostIp, int hostPort, int containerPort) {
    }

    DockerProperties {
        Objects.requireNonNull(image, "image");
        cmd = List.copyOf(cmd);
        env = Map.copyOf(env);
        ports = List.copyOf(ports);
        binds = List.copyOf(binds);
    }

    static DockerProperties parse(Any properties) {
        if (properties.isEmpty() || !properties.node().isObject()) {
            throw new InvalidSpecException("docker instance properties must be a JSON object with \"" + IMAGE
                    + "\", got " + (properties.isEmpty() ? "nothing" : properties));
        }
        JsonNode node = properties.node();
        rejectUnknown(node);
        return new DockerProperties(image(node), strings(node, CMD), env(node), ports(node), binds(node),
                restartPolicy(node), bool(node, INIT), stopTimeout(node));
    }

    /** The stop timeout of properties once accepted, read leniently, as destroy needs it whatever else is wrong. */
    static Duration stopTimeoutOf(Any properties) {
        try {
            return properties.isEmpty() ? DEFAULT_STOP_TIMEOUT : stopTimeout(properties.node());
        } catch (InvalidSpecException e) {
            return DEFAULT_STOP_TIMEOUT;
        }
    }

    private static void rejectUnknown(JsonNode node) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                String hint = Suggestions.closest(name, KNOWN).map(known -> " (did you mean \"" + known + "\"?)")
                        .orElse("; known properties: " + String.join(", ", KNOWN));
                throw new InvalidSpecException("unknown docker instance property \"" + name + "\"" + hint);
            }
        }
    }

    private static String image(JsonNode node) {
        JsonNode value = node.get(IMAGE);
        if (value == null || value.isNull()) {
            throw new InvalidSpecException("docker instance property \"" + IMAGE + "\" is required, such as "
                    + "\"busybox:1.36\" (an image present in the daemon: this plugin does not pull)");
        }
        if (!value.isTextual() || !value.textValue().strip().matches("[A-Za-z0-9][A-Za-z0-9._/:@-]*")) {
            throw mistyped(IMAGE, "an image reference such as \"busybox:1.36\"", value);
        }
        return value.textValue().strip();
    }

    private static List<String> strings(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw mistyped(property, "a list of strings", value);
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw mistyped(property, "a list of strings", value);
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    private static Map<String, String> env(JsonNode node) {
        JsonNode value = node.get(ENV);
        Map<String, String> env = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return env;
        }
        String expected = "an object of variable names to strings, such as {\"MODE\": \"web\"}";
        if (!value.isObject()) {
            throw mistyped(ENV, expected, value);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") || !field.getValue().isTextual()) {
                throw mistyped(ENV, expected, value);
            }
            env.put(field.getKey(), field.getValue().textValue());
        }
        return env;
    }

    private static List<PortBinding> ports(JsonNode node) {
        List<PortBinding> ports = new ArrayList<>();
        String expected = "a list of \"[hostIp:]hostPort:containerPort\" such as \"127.0.0.1:8080:80\"";
        for (String port : strings(node, PORTS)) {
            String[] parts = port.split(":");
            if (parts.length < 2 || parts.length > 3) {
                throw mistyped(PORTS, expected, node.get(PORTS));
            }
            String hostIp = parts.length == 3 ? parts[0] : "";
            int hostPort = portNumber(parts[parts.length - 2], expected, node);
            int containerPort = portNumber(parts[parts.length - 1], expected, node);
            if (!hostIp.isEmpty() && !hostIp.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
                throw mistyped(PORTS, expected, node.get(PORTS));
            }
            ports.add(new PortBinding(hostIp, hostPort, containerPort));
        }
        return ports;
    }

    private static int portNumber(String text, String expected, JsonNode node) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the property's name
        }
        throw mistyped(PORTS, expected, node.get(PORTS));
    }

    private static List<String> binds(JsonNode node) {
        List<String> binds = strings(node, BINDS);
        for (String bind : binds) {
            String[] parts = bind.split(":");
            if (parts.length < 2 || parts.length > 3 || !parts[0].startsWith("/") && !parts[0].matches("[\\w.-]+")
                    || !parts[1].startsWith("/")) {
                throw mistyped(BINDS, "a list of \"hostPathOrVolume:/containerPath[:ro]\"", node.get(BINDS));
            }
        }
        return binds;
    }

    private static String restartPolicy(JsonNode node) {
        JsonNode value = node.get(RESTART_POLICY);
        if (value == null || value.isNull()) {
            return "no";
        }
        String expected = "one of " + String.join(", ", RESTART_POLICIES) + " (on-failure:N for at most N)";
        if (!value.isTextual()) {
            throw mistyped(RESTART_POLICY, expected, value);
        }
        String policy = value.textValue().strip();
        if (!RESTART_POLICIES.contains(policy) && !policy.matches("on-failure:[0-9]{1,4}")) {
            throw mistyped(RESTART_POLICY, expected, value);
        }
        return policy;
    }

    private static boolean bool(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw mistyped(property, "true or false", value);
        }
        return value.booleanValue();
    }

    private static Duration stopTimeout(JsonNode node) {
        JsonNode value = node.get(STOP_TIMEOUT);
        if (value == null || value.isNull()) {
            return DEFAULT_STOP_TIMEOUT;
        }
        try {
            Duration timeout = Durations.parse(value.isTextual() ? value.textValue() : value.toString());
            if (!timeout.isNegative() && timeout.compareTo(Duration.ofMinutes(10)) <= 0) {
                return timeout;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the property's name
        }
        throw mistyped(STOP_TIMEOUT, "a duration from 0s to 10m such as 10s", value);
    }

    private static InvalidSpecException mistyped(String property, String expected, JsonNode value) {
        return new InvalidSpecException(
                "docker instance property \"" + property + "\" must be " + expected + ", got " + value);
    }
}
