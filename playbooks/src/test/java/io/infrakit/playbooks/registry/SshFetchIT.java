package io.infrakit.playbooks.registry;

import io.infrakit.common.PlaybookFetchException;
import io.infrakit.testkit.git.GitServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * ssh:// against a real OpenSSH sshd: keys from {@code ~/.ssh} ({@code HOME} of the registry's environment),
 * {@code INFRAKIT_GIT_SSH_KEY} or the agent, host keys from {@code ~/.ssh/known_hosts} or trusted on first use
 * with {@code INFRAKIT_GIT_SSH_ACCEPT_NEW=yes}. Failures are one line naming the URL, and leave nothing behind.
 */
class SshFetchIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private GitServer git;
    private OpenSshServer sshd;
    private UpstreamRepository upstream;
    private String firstCommit;
    private Path user;
    private Path key;
    private Path infrakitHome;
    private String url;

    @BeforeEach
    void startSshdWithTheUsersKeyAuthorized() throws IOException {
        git = GitServer.start(temp.resolve("git"));
        upstream = UpstreamRepository.create(git, temp.resolve("workspace"), "pb.git");
        firstCommit = upstream.commitPlaybook("first", "v1");
        sshd = OpenSshServer.start(temp.resolve("sshd"));
        user = temp.resolve("user");
        key = OpenSshServer.generateKey(user.resolve(".ssh/id_ed25519"));
        sshd.authorize(key);
        infrakitHome = temp.resolve("infrakit");
        url = sshd.url(upstream.bare());
    }

    @AfterEach
    void stopTheServers() {
        sshd.close();
        git.close();
    }

    @Test
    void addsAndUpdatesOverSshWithTheKeyInDotSsh() throws IOException {
        trustTheHost(user);
        PlaybookRegistry registry = registry(Map.of("HOME", user.toString()));

        PinnedPlaybook pin = registry.add("qs", PlaybookSource.parse(url, temp), false);

        assertThat(pin.commit()).isEqualTo(firstCommit);
        assertThat(pin.source().display()).isEqualTo(url + "#main");
        assertThat(registry.checkout("qs").resolve("playbook.groovy")).content().contains("v1");
        String second = upstream.commitPlaybook("second", "v2");
        assertThat(registry.update("qs").after().commit()).isEqualTo(second);
        assertThat(registry.checkout("qs").resolve("playbook.groovy")).content().contains("v2");
        assertNoKeyMaterialIn(Files.readString(infrakitHome.resolve("playbooks.lock")), key);
    }

    @Test
    void anUnknownHostIsRefusedWithTheCommandThatTrustsItUnlessAcceptNewIsSet() throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of("HOME", user.toString()));

        assertFailsLeavingNothing(() -> registry(environment).add("qs", PlaybookSource.parse(url, temp), false),
                "cannot fetch " + url + ": host key of 127.0.0.1 is not in ~/.ssh/known_hosts; ssh-keyscan -p "
                        + sshd.port() + " 127.0.0.1 >> ~/.ssh/known_hosts (or set INFRAKIT_GIT_SSH_ACCEPT_NEW=yes to"
                        + " trust it on first use)");
        assertThat(user.resolve(".ssh/known_hosts")).doesNotExist();

        environment.put("INFRAKIT_GIT_SSH_ACCEPT_NEW", "yes");
        assertThat(registry(environment).add("qs", PlaybookSource.parse(url, temp), false).commit())
                .isEqualTo(firstCommit);
        assertThat(user.resolve(".ssh/known_hosts")).content().contains(sshd.hostKeyBase64());

        environment.remove("INFRAKIT_GIT_SSH_ACCEPT_NEW");
        assertThat(registry(environment).update("qs").changed()).isFalse();
    }

    @Test
    void aKeyTheServerDoesNotKnowIsAnAuthenticationFailure() throws IOException {
        Path stranger = temp.resolve("stranger");
        Path strangersKey = OpenSshServer.generateKey(stranger.resolve(".ssh/id_ed25519"));
        trustTheHost(stranger);

        Throwable failure = assertFailsLeavingNothing(() -> registry(Map.of("HOME", stranger.toString()))
                .add("qs", PlaybookSource.parse(url, temp), false), "cannot fetch " + url + ": authentication "
                + "failed (no key from ~/.ssh, INFRAKIT_GIT_SSH_KEY or the ssh agent was accepted)");
        assertNoKeyMaterialIn(stackTrace(failure), strangersKey);
    }

    @Test
    void theKeyInInfrakitGitSshKeyIsOfferedWhenDotSshHasNone() throws IOException {
        Path deployKey = temp.resolve("keys/deploy_key");
        Files.createDirectories(deployKey.getParent());
        Files.move(key, deployKey);
        Files.move(OpenSshServer.publicKeyOf(key), OpenSshServer.publicKeyOf(deployKey));
        trustTheHost(user);

        assertFailsLeavingNothing(() -> registry(Map.of("HOME", user.toString()))
                .add("qs", PlaybookSource.parse(url, temp), false), "cannot fetch " + url + ": authentication "
                + "failed (no key from ~/.ssh, INFRAKIT_GIT_SSH_KEY or the ssh agent was accepted)");
        assertFailsLeavingNothing(() -> registry(Map.of("HOME", user.toString(), "INFRAKIT_GIT_SSH_KEY",
                        temp.resolve("keys/nope").toString())).add("qs", PlaybookSource.parse(url, temp), false),
                "cannot fetch " + url + ": INFRAKIT_GIT_SSH_KEY names " + temp.resolve("keys/nope")
                        + ", which is not a readable file");

        PinnedPlaybook pin = registry(Map.of("HOME", user.toString(), "INFRAKIT_GIT_SSH_KEY", deployKey.toString()))
                .add("qs", PlaybookSource.parse(url, temp), false);

        assertThat(pin.commit()).isEqualTo(firstCommit);
        assertNoKeyMaterialIn(Files.readString(infrakitHome.resolve("playbooks.lock")), deployKey);
    }

    @Test
    void aKeyWithAPassphraseIsPassedOverWithoutAsking() throws IOException {
        Path locked = OpenSshServer.generateKey(temp.resolve("keys/locked"), "a pass phrase");
        sshd.authorize(locked);
        trustTheHost(user);
        Path elsewhere = temp.resolve("unused-key");
        Files.move(key, elsewhere);
        Map<String, String> environment = Map.of("HOME", user.toString(), "INFRAKIT_GIT_SSH_KEY", locked.toString());

        assertFailsLeavingNothing(() -> registry(environment).add("qs", PlaybookSource.parse(url, temp), false),
                "cannot fetch " + url + ": authentication failed (no key from ~/.ssh, INFRAKIT_GIT_SSH_KEY or the ssh "
                        + "agent was accepted)");

        Files.move(elsewhere, key);
        assertThat(registry(environment).add("qs", PlaybookSource.parse(url, temp), false).commit())
                .isEqualTo(firstCommit);
    }

    @Test
    void theKeyHeldByTheSshAgentIsOffered() throws Exception {
        trustTheHost(user);
        Path socket = temp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("agent.log").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(socket));
            ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process adding = add.start();
            assertThat(adding.waitFor()).as(new String(adding.getInputStream().readAllBytes())).isZero();
            Files.delete(key);

            PinnedPlaybook pin = registry(Map.of("HOME", user.toString(), "SSH_AUTH_SOCK", socket.toString()))
                    .add("qs", PlaybookSource.parse(url, temp), false);

            assertThat(pin.commit()).isEqualTo(firstCommit);
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    @Test
    void anScpLikeUrlReachesTheHostThroughTheUsersSshConfig() throws IOException {
        trustTheHost(user);
        // scp-like URLs cannot name a port: ~/.ssh/config gives it, as it would for git
        Files.writeString(user.resolve(".ssh/config"), "Host playbooks\n  HostName 127.0.0.1\n  Port " + sshd.port()
                + "\n  User " + OpenSshServer.USER + "\n");
        String scpLike = "playbooks:" + upstream.bare();

        PinnedPlaybook pin = registry(Map.of("HOME", user.toString())).add("qs", PlaybookSource.parse(scpLike, temp),
                false);

        assertThat(pin.commit()).isEqualTo(firstCommit);
        assertThat(pin.source().display()).isEqualTo(scpLike + "#main");
    }

    @Test
    void aHostWhoseKeyChangedIsRefusedEvenWithAcceptNew() throws IOException {
        Path impostor = OpenSshServer.generateKey(temp.resolve("impostor/key"));
        Files.createDirectories(user.resolve(".ssh"));
        Files.writeString(user.resolve(".ssh/known_hosts"), "[127.0.0.1]:" + sshd.port() + " "
                + Files.readString(OpenSshServer.publicKeyOf(impostor)));
        byte[] knownHosts = Files.readAllBytes(user.resolve(".ssh/known_hosts"));

        assertFailsLeavingNothing(() -> registry(Map.of("HOME", user.toString(), "INFRAKIT_GIT_SSH_ACCEPT_NEW", "yes"))
                .add("qs", PlaybookSource.parse(url, temp), false), "cannot fetch " + url + ": host key of 127.0.0.1 "
                + "does not match ~/.ssh/known_hosts (if the host was re-keyed: ssh-keygen -R '[127.0.0.1]:"
                + sshd.port() + "')");
        assertThat(user.resolve(".ssh/known_hosts")).hasBinaryContent(knownHosts);
    }

    private void trustTheHost(Path home) throws IOException {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/known_hosts"), sshd.knownHostsLine());
    }

    private PlaybookRegistry registry(Map<String, String> environment) {
        return new PlaybookRegistry(infrakitHome, CLOCK, environment);
    }

    private Throwable assertFailsLeavingNothing(ThrowingCallable call, String message) throws IOException {
        Throwable failure = catchThrowable(call);

        assertThat(failure).isInstanceOf(PlaybookFetchException.class).hasMessage(message);
        assertThat(infrakitHome.resolve("playbooks.lock")).doesNotExist();
        try (Stream<Path> left = Files.list(infrakitHome.resolve("playbooks"))) {
            assertThat(left.map(path -> path.getFileName().toString())).containsOnly(".registry.lock");
        }
        return failure;
    }

    private static void assertNoKeyMaterialIn(String text, Path privateKey) throws IOException {
        assertThat(text).doesNotContain("PRIVATE KEY").doesNotContain(keyBody(privateKey));
    }

    /** A line from the middle of the private key file: what would show if any of it leaked. */
    private static String keyBody(Path privateKey) throws IOException {
        return Files.readAllLines(privateKey).get(2);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
