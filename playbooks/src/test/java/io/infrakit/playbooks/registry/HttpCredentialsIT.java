package io.infrakit.playbooks.registry;

import com.sun.net.httpserver.HttpServer;
import io.infrakit.spi.PlaybookFetchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Which credentials reach an http(s) git server, against a server that refuses them all: the token from
 * {@code INFRAKIT_GIT_TOKEN} or the URL's own, sent as HTTP basic authentication and never shown.
 */
class HttpCredentialsIT {

    private static final String TOKEN = "tok-secret-123";

    @TempDir
    Path home;

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAServerThatRefusesEveryone() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"playbooks\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopTheServer() {
        server.stop(0);
    }

    @Test
    void theTokenIsSentAsThePasswordOfXAccessToken() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/pb.git";

        Throwable failure = catchThrowable(() -> registry(Map.of("INFRAKIT_GIT_TOKEN", TOKEN))
                .add("qs", PlaybookSource.parse(url, home), false));

        assertThat(failure).isInstanceOf(PlaybookFetchException.class).hasMessage("cannot fetch " + url
                + ": not authorized (give credentials in the URL or in INFRAKIT_GIT_TOKEN)");
        assertThat(authorizations).contains(basic("x-access-token", TOKEN));
    }

    @Test
    void theUrlsUserGoesWithTheToken() {
        String url = "http://alice@127.0.0.1:" + server.getAddress().getPort() + "/pb.git";

        Throwable failure = catchThrowable(() -> registry(Map.of("INFRAKIT_GIT_TOKEN", TOKEN))
                .add("qs", PlaybookSource.parse(url, home), false));

        assertThat(failure).hasMessageNotContaining(TOKEN).hasMessageNotContaining("alice");
        assertThat(authorizations).contains(basic("alice", TOKEN));
    }

    @Test
    void theUrlsPasswordIsSentButNeverShown() {
        String url = "http://alice:s3cret@127.0.0.1:" + server.getAddress().getPort() + "/pb.git#main";

        Throwable failure = catchThrowable(() -> registry(Map.of()).add("qs", PlaybookSource.parse(url, home), false));

        assertThat(failure).isInstanceOf(PlaybookFetchException.class)
                .hasMessage("cannot fetch " + url.replace("alice:s3cret@", "")
                        + ": not authorized (give credentials in the URL or in INFRAKIT_GIT_TOKEN)");
        assertThat(authorizations).contains(basic("alice", "s3cret"));
        assertThat(home.resolve("playbooks.lock")).doesNotExist();
    }

    private PlaybookRegistry registry(Map<String, String> environment) {
        return new PlaybookRegistry(home, Clock.systemUTC(), environment);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
