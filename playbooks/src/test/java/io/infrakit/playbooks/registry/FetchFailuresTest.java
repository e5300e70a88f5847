package io.infrakit.playbooks.registry;

import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class FetchFailuresTest {

    @Test
    void aRefusedConnectionIsSaidPlainly() {
        assertThat(FetchFailures.describe(new TransportException("http://h/x.git: connection failed",
                new ConnectException("Connection refused 127.0.0.1")))).isEqualTo("connection refused");
        assertThat(FetchFailures.describe(new TransportException("git://h/x.git: Connection refused")))
                .isEqualTo("connection refused");
    }

    @Test
    void anUnknownHostIsNamed() {
        assertThat(FetchFailures.describe(new TransportException("x", new UnknownHostException("nowhere.invalid"))))
                .isEqualTo("unknown host 'nowhere.invalid'");
    }

    @Test
    void aTimeoutSaysHowLongItWaited() {
        assertThat(FetchFailures.describe(new TransportException("x", new SocketTimeoutException("Read timed out"))))
                .isEqualTo("no answer within 60 s");
    }

    @Test
    void aMissingRepositoryAndRefusedCredentialsSayWhatToDo() throws URISyntaxException {
        URIish uri = new URIish("https://host/x.git");

        assertThat(FetchFailures.describe(new NoRemoteRepositoryException(uri, "not found.")))
                .isEqualTo("no repository there");
        assertThat(FetchFailures.describe(new TransportException(uri, "not authorized")))
                .isEqualTo("not authorized (give credentials in the URL, in INFRAKIT_GIT_TOKEN or to a git credential "
                        + "helper)");
    }

    @Test
    void anSshServerThatTookNoKeyIsAnAuthenticationFailure() throws URISyntaxException {
        URIish uri = new URIish("ssh://git@host/x.git");

        assertThat(FetchFailures.describe(new TransportException(uri, "No more authentication methods available")))
                .isEqualTo("authentication failed (no key from ~/.ssh, INFRAKIT_GIT_SSH_KEY or the ssh agent was "
                        + "accepted)");
    }

    @Test
    void anythingElseIsItsFirstLineWithoutTheUrl() {
        assertThat(FetchFailures.describe(new TransportException("https://host/x.git: Something odd\nmore detail")))
                .isEqualTo("something odd");
        assertThat(FetchFailures.describe(new TransportException("HTTP 502 from proxy"))).isEqualTo("HTTP 502 from proxy");
    }
}
