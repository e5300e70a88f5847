package io.infrakit.plugins.flavor.vanilla;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.common.Durations;
import io.infrakit.spi.InvalidSpecException;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.infrakit.plugins.flavor.vanilla.PropertyChecks.absent;
import static io.infrakit.plugins.flavor.vanilla.PropertyChecks.mistyped;

/**
 * The vanilla flavor's optional {@code HealthCheck}: an HTTP GET of {@code path} on the instance's own
 * {@code port}, answered within {@code timeout} with a 2xx status and a body containing {@code contains} (anything,
 * when empty). Written {@code {"Port": 80, "Path": "/index.html", "Contains": "ready", "Timeout": "2s"}}; only
 * {@code Port} is required.
 */
record HttpHealthCheck(int port, String path, String contains, Duration timeout) {

    static final String PROPERTY = "HealthCheck";
    static final String DEFAULT_PATH = "/";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    private static final String PORT = "Port";
    private static final String PATH = "Path";
    private static final String CONTAINS = "Contains";
    private static final String TIMEOUT = "Timeout";
    private static final List<String> KNOWN = List.of(PORT, PATH, CONTAINS, TIMEOUT);
    private static final String PORT_RANGE = "an integer from 1 to 65535";

    HttpHealthCheck {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contains, "contains");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Reads the {@code HealthCheck} object strictly; throws InvalidSpecException naming the property at fault. */
    static HttpHealthCheck parse(JsonNode value) {
        if (!value.isObject()) {
            throw mistyped(PROPERTY, "an object such as {\"Port\": 80, \"Path\": \"/\"}", value);
        }
        PropertyChecks.rejectUnknown(value, KNOWN, PROPERTY + ".");
        return new HttpHealthCheck(port(value.get(PORT)), path(value.get(PATH)), contains(value.get(CONTAINS)),
                timeout(value.get(TIMEOUT)));
    }

    /** The URL to GET when the instance's port answers at {@code address}. */
    URI uriAt(InetSocketAddress address) {
        String host = address.getHostString();
        boolean bareIpv6 = host.contains(":") && !host.startsWith("[");
        return URI.create("http://" + (bareIpv6 ? "[" + host + "]" : host) + ":" + address.getPort() + path);
    }

    private static int port(JsonNode value) {
        if (absent(value)) {
            throw new InvalidSpecException("vanilla flavor property \"" + qualified(PORT)
                    + "\" is required: the instance's port to check, " + PORT_RANGE);
        }
        if (!value.isInt() || value.intValue() < 1 || value.intValue() > 65535) {
            throw mistyped(qualified(PORT), PORT_RANGE, value);
        }
        return value.intValue();
    }

    private static String path(JsonNode value) {
        if (absent(value)) {
            return DEFAULT_PATH;
        }
        String expected = "a URL path starting with \"/\", such as \"/index.html\"";
        if (!value.isTextual() || !value.textValue().startsWith("/") || !isUrlPath(value.textValue())) {
            throw mistyped(qualified(PATH), expected, value);
        }
        return value.textValue();
    }

    private static boolean isUrlPath(String path) {
        try {
            URI.create("http://localhost" + path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String contains(JsonNode value) {
        if (absent(value)) {
            return "";
        }
        if (!value.isTextual()) {
            throw mistyped(qualified(CONTAINS), "a string", value);
        }
        return value.textValue();
    }

    private static Duration timeout(JsonNode value) {
        if (absent(value)) {
            return DEFAULT_TIMEOUT;
        }
        Optional<Duration> parsed = value.isTextual() ? parsed(value.textValue()) : Optional.empty();
        return parsed.filter(timeout -> !timeout.isNegative() && !timeout.isZero())
                .filter(timeout -> timeout.compareTo(MAX_TIMEOUT) <= 0)
                .orElseThrow(() -> mistyped(qualified(TIMEOUT), "a duration above 0 and at most 1m, such as \"2s\"",
                        value));
    }

    private static Optional<Duration> parsed(String text) {
        try {
            return Optional.of(Durations.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String qualified(String property) {
        return PROPERTY + "." + property;
    }
}
