package io.infrakit.plugins.flavor.swarm;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * InfraKit's link between an instance and the Docker engine running on it: a random value written both as the
 * instance's tags and as the engine's labels, so the swarm node of an instance is the one whose engine carries
 * {@code infrakit_link=<value>}.
 */
record Link(String value, String context, Instant created) {

    static final String LABEL = "infrakit_link";
    static final String CONTEXT_LABEL = "infrakit_link_context";
    static final String CREATED_LABEL = "infrakit_link_created";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    static Link create(String context, Instant now) {
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new Link(value.toString(), context, now.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The link an instance's tags carry, if any. */
    static Optional<String> valueIn(Map<String, String> tags) {
        return Optional.ofNullable(tags.get(LABEL)).filter(value -> !value.isBlank());
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL, value);
        labels.put(CONTEXT_LABEL, context);
        labels.put(CREATED_LABEL, DateTimeFormatter.ISO_INSTANT.format(created));
        return labels;
    }
}
