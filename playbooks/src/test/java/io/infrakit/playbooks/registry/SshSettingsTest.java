package io.infrakit.playbooks.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SshSettingsTest {

    @TempDir
    Path home;

    @Test
    void homeIsTheEnvironmentsHomeElseTheJvmsUserHome() {
        assertThat(SshSettings.from(Map.of("HOME", home.toString())).knownHosts())
                .isEqualTo(home.resolve(".ssh/known_hosts"));
        assertThat(SshSettings.from(Map.of()).home()).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void theExtraKeyComesFirstThenTheDefaultKeysThatExistInSshsOrder() throws IOException {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_rsa"), "");
        Files.writeString(home.resolve(".ssh/id_ed25519"), "");

        SshSettings settings = SshSettings.from(Map.of("HOME", home.toString(), "INFRAKIT_GIT_SSH_KEY", "~/keys/deploy"));

        assertThat(settings.identities()).containsExactly(home.resolve("keys/deploy"),
                home.resolve(".ssh/id_ed25519"), home.resolve(".ssh/id_rsa"));
    }

    @Test
    void onlyYesAcceptsNewHostKeys() {
        assertThat(SshSettings.from(Map.of("INFRAKIT_GIT_SSH_ACCEPT_NEW", "yes")).acceptNewHostKeys()).isTrue();
        assertThat(SshSettings.from(Map.of("INFRAKIT_GIT_SSH_ACCEPT_NEW", "YES")).acceptNewHostKeys()).isTrue();
        assertThat(SshSettings.from(Map.of("INFRAKIT_GIT_SSH_ACCEPT_NEW", "no")).acceptNewHostKeys()).isFalse();
        assertThat(SshSettings.from(Map.of()).acceptNewHostKeys()).isFalse();
    }

    @Test
    void theAgentIsSshAuthSock() {
        assertThat(SshSettings.from(Map.of("SSH_AUTH_SOCK", "/run/agent.sock")).agentSocket())
                .contains("/run/agent.sock");
        assertThat(SshSettings.from(Map.of("SSH_AUTH_SOCK", " ")).agentSocket()).isEmpty();
    }
}
