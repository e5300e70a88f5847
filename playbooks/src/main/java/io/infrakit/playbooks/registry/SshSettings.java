package io.infrakit.playbooks.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an ssh fetch authenticates with and trusts, read from the registry's environment as ssh reads it: keys and
 * {@code known_hosts} in {@code $HOME/.ssh}, plus a key named by {@value #KEY_VARIABLE}, the agent at
 * {@code SSH_AUTH_SOCK}, and {@value #ACCEPT_NEW_VARIABLE}{@code =yes} for ssh's {@code accept-new}.
 *
 * @param home what {@code ~} means: {@code HOME}, else the JVM's {@code user.home}
 * @param extraKey the key file of {@value #KEY_VARIABLE}, tried before the default ones
 * @param acceptNewHostKeys whether an unknown host's key is trusted and appended to {@code known_hosts}
 * @param agentSocket the ssh agent's socket ({@code SSH_AUTH_SOCK})
 */
record SshSettings(Path home, Optional<Path> extraKey, boolean acceptNewHostKeys, Optional<String> agentSocket) {

    static final String KEY_VARIABLE = "INFRAKIT_GIT_SSH_KEY";
    static final String ACCEPT_NEW_VARIABLE = "INFRAKIT_GIT_SSH_ACCEPT_NEW";
    static final String AGENT_VARIABLE = "SSH_AUTH_SOCK";
    /** How messages name the file, whatever {@code HOME} is: the user reads {@code ~} as their own. */
    static final String KNOWN_HOSTS_SHOWN = "~/.ssh/known_hosts";

    /** The key files ssh tries when none is configured, in its order (DSA is long gone from OpenSSH). */
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    SshSettings {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(extraKey, "extraKey");
        Objects.requireNonNull(agentSocket, "agentSocket");
    }

    static SshSettings from(Map<String, String> environment) {
        Path home = value(environment, "HOME").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home")));
        Optional<Path> key = value(environment, KEY_VARIABLE).map(file -> file.startsWith("~/")
                ? home.resolve(file.substring(2)) : Path.of(file).toAbsolutePath());
        boolean acceptNew = value(environment, ACCEPT_NEW_VARIABLE)
                .map(answer -> answer.toLowerCase(Locale.ROOT).equals("yes")).orElse(false);
        return new SshSettings(home, key, acceptNew, value(environment, AGENT_VARIABLE));
    }

    Path sshDirectory() {
        return home.resolve(".ssh");
    }

    Path knownHosts() {
        return sshDirectory().resolve("known_hosts");
    }

    /** The key files to offer, those that exist: {@link #extraKey} first, then ssh's defaults. */
    List<Path> identities() {
        List<Path> keys = new ArrayList<>();
        extraKey.ifPresent(keys::add);
        DEFAULT_KEYS.stream().map(sshDirectory()::resolve).filter(Files::isRegularFile).forEach(keys::add);
        return List.copyOf(keys);
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
