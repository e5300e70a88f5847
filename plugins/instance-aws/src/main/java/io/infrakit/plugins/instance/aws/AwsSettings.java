package io.infrakit.plugins.instance.aws;

import io.infrakit.spi.InvalidSpecException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the {@code aws} plugin reaches EC2 and which instances are its own, from the plugin's environment.
 *
 * @param namespace   tags set on every instance it creates and required of every instance it describes, labels
 *                    or destroys, so that two stacks in one account never see each other's instances
 * @param region      {@code INFRAKIT_AWS_REGION}, else {@code AWS_REGION}; empty: the SDK's own chain (profile,
 *                    instance metadata)
 * @param endpoint    {@code INFRAKIT_AWS_ENDPOINT}, else {@code AWS_ENDPOINT_URL_EC2}, else {@code AWS_ENDPOINT_URL}
 * @param environment the variables the credentials are read from ({@link Ec2Clients})
 * @param pageSize    DescribeInstances' MaxResults, 5 to 1000
 */
public record AwsSettings(Map<String, String> namespace, Optional<String> region, Optional<URI> endpoint,
                          Map<String, String> environment, int pageSize) {

    public static final String NAMESPACE_TAG = "infrakit.namespace";
    public static final String DEFAULT_NAMESPACE = "default";
    /** The value of the {@code infrakit.namespace} tag. */
    public static final String NAMESPACE = "INFRAKIT_AWS_NAMESPACE";
    /** InfraKit's own: {@code k=v,k2=v2}; when set, these are the namespace and INFRAKIT_AWS_NAMESPACE is not used. */
    public static final String NAMESPACE_TAGS = "INFRAKIT_AWS_NAMESPACE_TAGS";
    public static final String REGION = "INFRAKIT_AWS_REGION";
    public static final String ENDPOINT = "INFRAKIT_AWS_ENDPOINT";
    public static final String PAGE_SIZE = "INFRAKIT_AWS_PAGE_SIZE";
    public static final int DEFAULT_PAGE_SIZE = 1000;

    public AwsSettings {
        namespace = Map.copyOf(namespace);
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("the aws plugin needs at least one namespace tag");
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        environment = Map.copyOf(environment);
        if (pageSize < 5 || pageSize > 1000) {
            throw new IllegalArgumentException("page size must be from 5 to 1000, got " + pageSize);
        }
    }

    public static AwsSettings fromEnvironment(Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                env.put(name, value.trim());
            }
        });
        return new AwsSettings(namespace(env), first(env, REGION, "AWS_REGION"),
                first(env, ENDPOINT, "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL").map(AwsSettings::endpoint),
                env, pageSize(env));
    }

    public AwsSettings withEndpoint(URI newEndpoint) {
        return new AwsSettings(namespace, region, Optional.of(newEndpoint), environment, pageSize);
    }

    public AwsSettings withPageSize(int newPageSize) {
        return new AwsSettings(namespace, region, endpoint, environment, newPageSize);
    }

    private static Map<String, String> namespace(Map<String, String> env) {
        String tags = env.get(NAMESPACE_TAGS);
        if (tags == null) {
            return Map.of(NAMESPACE_TAG, env.getOrDefault(NAMESPACE, DEFAULT_NAMESPACE));
        }
        Map<String, String> namespace = new LinkedHashMap<>();
        for (String pair : tags.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.substring(equals + 1).isBlank()) {
                throw new InvalidSpecException("invalid " + NAMESPACE_TAGS + " \"" + tags
                        + "\": expected key=value pairs separated by commas, such as infrakit.namespace=prod");
            }
            namespace.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return namespace;
    }

    private static Optional<String> first(Map<String, String> env, String... names) {
        for (String name : names) {
            if (env.containsKey(name)) {
                return Optional.of(env.get(name));
            }
        }
        return Optional.empty();
    }

    private static URI endpoint(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidSpecException("invalid EC2 endpoint \"" + text + "\": expected a URL such as "
                + "https://ec2.eu-west-1.amazonaws.com");
    }

    private static int pageSize(Map<String, String> env) {
        String text = env.get(PAGE_SIZE);
        if (text == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(text);
            if (size >= 5 && size <= 1000) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSpecException("invalid " + PAGE_SIZE + " \"" + text + "\": expected 5 to 1000");
    }
}
