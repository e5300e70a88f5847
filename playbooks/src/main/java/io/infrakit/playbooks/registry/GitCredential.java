package io.infrakit.playbooks.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A credential in git's {@code git credential} format: {@code key=value} lines ({@code protocol}, {@code host},
 * {@code path}, {@code username}, {@code password}, and whatever else a helper adds, which goes back to it as it
 * came). {@link #toString()} never shows the password.
 */
record GitCredential(Map<String, String> attributes) {

    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    GitCredential {
        // in the order given, as git writes them: protocol and host first
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** What git asks its helpers for a URL: its protocol, host (with the port) and path, and the user if known. */
    static GitCredential request(String protocol, String host, int port, String path, Optional<String> user) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("protocol", protocol);
        request.put("host", port > 0 ? host + ":" + port : host);
        request.put("path", path.replaceFirst("^/+", ""));
        user.ifPresent(name -> request.put(USERNAME, name));
        return new GitCredential(request);
    }

    /** Reads {@code git credential fill}'s answer; empty unless it has both a user name and a password. */
    static Optional<GitCredential> parse(String answer) {
        Map<String, String> attributes = new LinkedHashMap<>();
        answer.lines().forEach(line -> {
            int equals = line.indexOf('=');
            if (equals > 0) {
                attributes.put(line.substring(0, equals), line.substring(equals + 1));
            }
        });
        GitCredential credential = new GitCredential(attributes);
        return credential.username().isPresent() && credential.password().isPresent()
                ? Optional.of(credential) : Optional.empty();
    }

    Optional<String> username() {
        return Optional.ofNullable(attributes.get(USERNAME)).filter(name -> !name.isEmpty());
    }

    Optional<String> password() {
        return Optional.ofNullable(attributes.get(PASSWORD)).filter(secret -> !secret.isEmpty());
    }

    /** Whether git would take it: no value may hold a line break or NUL, which would forge another attribute. */
    boolean isWellFormed() {
        return attributes.entrySet().stream().noneMatch(entry -> (entry.getKey() + entry.getValue())
                .chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0));
    }

    /** The input of {@code git credential}: one {@code key=value} line each, then a blank line. */
    String asInput() {
        return attributes.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue() + "\n")
                .collect(Collectors.joining()) + "\n";
    }

    @Override
    public String toString() {
        return "GitCredential" + attributes.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (entry.getKey().equals(PASSWORD) ? "***" : entry.getValue()))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
