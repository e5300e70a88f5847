package io.infrakit.playbooks.registry;

import io.infrakit.common.PlaybookFetchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which credentials reach an http(s) git server, against one that accepts none of them: the token from
 * {@code INFRAKIT_GIT_TOKEN} or the URL's own, sent as HTTP basic authentication and never shown.
 */
class HttpCredentialsIT {

    private static final String TOKEN = "tok-secret-123";
    private static final String REFUSED = "not authorized (give credentials in the URL, in INFRAKIT_GIT_TOKEN or to a"
            + " git credential helper)";

    @TempDir
    Path home;

    private GitHttpServer server;

    @BeforeEach
    void startAServerThatRefusesEveryone() throws IOException {
        server = GitHttpServer.start(Files.createDirectories(home.resolve("served")), "nobody", "never-sent");
    }

    @AfterEach
    void stopTheServer() {
        server.close();
    }

    @Test
    void theTokenIsSentAsThePasswordOfXAccessToken() {
        String url = server.url("pb.git");

        Throwable failure = catchThrowable(() -> registry(Map.of("INFRAKIT_GIT_TOKEN", TOKEN))
                .add("qs", PlaybookSource.parse(url, home), false));

        assertThat(failure).isInstanceOf(PlaybookFetchException.class).hasMessage("cannot fetch " + url + ": "
                + REFUSED);
        assertThat(server.authorizations()).contains(GitHttpServer.basic("x-access-token", TOKEN));
    }

    @Test
    void theUrlsUserGoesWithTheToken() {
        String url = "http://alice@127.0.0.1:" + server.port() + "/pb.git";

        Throwable failure = catchThrowable(() -> registry(Map.of("INFRAKIT_GIT_TOKEN", TOKEN))
                .add("qs", PlaybookSource.parse(url, home), false));

        assertThat(failure).hasMessageNotContaining(TOKEN).hasMessageNotContaining("alice");
        assertThat(server.authorizations()).contains(GitHttpServer.basic("alice", TOKEN));
    }

    @Test
    void theUrlsPasswordIsSentButNeverShown() {
        String url = "http://alice:s3cret@127.0.0.1:" + server.port() + "/pb.git#main";

        Throwable failure = catchThrowable(() -> registry(Map.of()).add("qs", PlaybookSource.parse(url, home), false));

        assertThat(failure).isInstanceOf(PlaybookFetchException.class)
                .hasMessage("cannot fetch " + url.replace("alice:s3cret@", "") + ": " + REFUSED);
        assertThat(server.authorizations()).contains(GitHttpServer.basic("alice", "s3cret"));
        assertThat(home.resolve("playbooks.lock")).doesNotExist();
    }

    private PlaybookRegistry registry(Map<String, String> environment) {
        return new PlaybookRegistry(home, Clock.systemUTC(), environment);
    }
}
