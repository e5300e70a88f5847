package io.infrakit.playbooks.registry;

import io.infrakit.common.PlaybookFetchException;
import io.infrakit.testkit.git.GitCli;
import io.infrakit.testkit.git.GitServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Without {@code INFRAKIT_GIT_TOKEN}, an http(s) fetch asks the user's git credential helper (configured in the
 * {@code ~/.gitconfig} of the registry environment's {@code HOME}), against a real smart-HTTP git server that
 * demands basic authentication: {@code fill}, then {@code approve} or {@code reject} as git does.
 */
class GitCredentialHelperIT {

    private static final String USER = "deployer";
    private static final String PASSWORD = "helper-secret-42";

    @TempDir
    Path temp;

    private GitServer git;
    private GitHttpServer http;
    private String commit;
    private Path user;
    private Path infrakitHome;
    private String url;

    @BeforeEach
    void serveARepositoryThatNeedsAPassword() throws IOException {
        git = GitServer.start(temp.resolve("git"));
        UpstreamRepository upstream = UpstreamRepository.create(git, temp.resolve("workspace"), "pb.git");
        commit = upstream.commitPlaybook("first", "v1");
        http = GitHttpServer.start(upstream.bare().getParent(), USER, PASSWORD);
        url = http.url("pb.git");
        user = Files.createDirectories(temp.resolve("user"));
        infrakitHome = temp.resolve("infrakit");
    }

    @AfterEach
    void stopTheServers() {
        http.close();
        git.close();
    }

    @Test
    void theStoredCredentialsOfTheUsersHelperFetchWithoutAToken() throws IOException {
        Path store = storeHelperHolding("http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + http.port());

        PinnedPlaybook pin = registry().add("qs", PlaybookSource.parse(url, temp), false);

        assertThat(pin.commit()).isEqualTo(commit);
        assertThat(http.authorizations()).contains(GitHttpServer.basic(USER, PASSWORD));
        assertThat(Files.readString(infrakitHome.resolve("playbooks.lock"))).doesNotContain(PASSWORD)
                .doesNotContain(USER);
        assertThat(store).content().contains(PASSWORD);
    }

    @Test
    void aWrongStoredPasswordFailsInOneLineAndIsRejectedFromTheHelper() throws IOException {
        String wrong = "wrong-pass-17";
        Path store = storeHelperHolding("http://" + USER + ":" + wrong + "@127.0.0.1:" + http.port());

        Throwable failure = catchThrowable(() -> registry().add("qs", PlaybookSource.parse(url, temp), false));

        assertThat(failure).isInstanceOf(PlaybookFetchException.class).hasMessage("cannot fetch " + url
                + ": not authorized (give credentials in the URL, in INFRAKIT_GIT_TOKEN or to a git credential helper)");
        assertThat(stackTrace(failure)).doesNotContain(wrong);
        assertThat(http.authorizations()).containsOnlyOnce(GitHttpServer.basic(USER, wrong));
        assertThat(infrakitHome.resolve("playbooks.lock")).doesNotExist();
        assertThat(store).content().doesNotContain(wrong);
    }

    @Test
    void theHelperIsAskedWithTheUrlsPartsAndToldTheCredentialsWorked() throws IOException {
        Path log = temp.resolve("helper.log");
        // a helper is a shell snippet when it starts with '!': it logs what git asks and answers "get"
        configureHelper("!f() { echo \"$1\" >> " + log + "; cat >> " + log + "; if [ \"$1\" = get ]; then "
                + "printf 'username=" + USER + "\\npassword=" + PASSWORD + "\\n'; fi; }; f");

        registry().add("qs", PlaybookSource.parse(url, temp), false);

        assertThat(log).content().startsWith("get\nprotocol=http\nhost=127.0.0.1:" + http.port() + "\n")
                .containsSubsequence("get\n", "store\n", "username=" + USER, "password=" + PASSWORD);
    }

    @Test
    void withoutAHelperTheFetchIsAnonymousAndRefused() {
        Throwable failure = catchThrowable(() -> registry().add("qs", PlaybookSource.parse(url, temp), false));

        assertThat(failure).isInstanceOf(PlaybookFetchException.class).hasMessageEndingWith(": not authorized (give "
                + "credentials in the URL, in INFRAKIT_GIT_TOKEN or to a git credential helper)");
        assertThat(http.authorizations()).isEmpty();
    }

    @Test
    @Timeout(40)
    void aHelperThatHangsIsGivenUpAndStopped() {
        configureHelper("!f() { sleep 37; }; f");
        long start = System.nanoTime();

        Throwable failure = catchThrowable(() -> registry().add("qs", PlaybookSource.parse(url, temp), false));

        assertThat(failure).isInstanceOf(PlaybookFetchException.class).hasMessageContaining(": not authorized (");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(GitCredentialCommand.TIMEOUT,
                GitCredentialCommand.TIMEOUT.plusSeconds(20));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse("")))
                .noneMatch(command -> command.contains("sleep 37")));
    }

    private Path storeHelperHolding(String credential) throws IOException {
        Path store = Files.writeString(temp.resolve("git-credentials"), credential + "\n");
        configureHelper("store --file=" + store);
        return store;
    }

    private void configureHelper(String helper) {
        new GitCli(user).run(user, "config", "--global", "credential.helper", helper);
    }

    private PlaybookRegistry registry() {
        return new PlaybookRegistry(infrakitHome, Clock.systemUTC(), Map.of("HOME", user.toString()));
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
