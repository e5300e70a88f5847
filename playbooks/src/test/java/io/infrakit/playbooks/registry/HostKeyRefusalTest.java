package io.infrakit.playbooks.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostKeyRefusalTest {

    @Test
    void anUnknownHostGetsTheKeyscanCommandWithItsPort() {
        assertThat(new HostKeyRefusal("git.example.com", 2222, false).describe()).isEqualTo("host key of "
                + "git.example.com is not in ~/.ssh/known_hosts; ssh-keyscan -p 2222 git.example.com >> "
                + "~/.ssh/known_hosts (or set INFRAKIT_GIT_SSH_ACCEPT_NEW=yes to trust it on first use)");
    }

    @Test
    void port22NeedsNoOption() {
        assertThat(new HostKeyRefusal("github.com", 22, false).describe())
                .contains("; ssh-keyscan github.com >> ~/.ssh/known_hosts");
    }

    @Test
    void aChangedKeySaysHowToForgetTheOldOne() {
        assertThat(new HostKeyRefusal("github.com", 22, true).describe()).isEqualTo("host key of github.com does "
                + "not match ~/.ssh/known_hosts (if the host was re-keyed: ssh-keygen -R github.com)");
        assertThat(new HostKeyRefusal("127.0.0.1", 2222, true).describe()).endsWith("ssh-keygen -R '[127.0.0.1]:2222')");
    }
}
