package io.infrakit.playbooks.registry;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GitCredentialTest {

    @Test
    void aRequestNamesProtocolHostWithPortAndPathWithoutItsLeadingSlash() {
        GitCredential request = GitCredential.request("https", "git.example.com", 8443, "/team/pb.git",
                Optional.of("alice"));

        assertThat(request.asInput()).startsWith("protocol=https\n").endsWith("\n\n")
                .contains("host=git.example.com:8443\n", "path=team/pb.git\n", "username=alice\n");
    }

    @Test
    void aRequestWithoutPortOrUserLeavesThemOut() {
        assertThat(GitCredential.request("https", "host", -1, "/x.git", Optional.empty()).asInput())
                .contains("host=host\n").doesNotContain("username=");
    }

    @Test
    void anAnswerNeedsAUserAndAPasswordAndKeepsWhatElseTheHelperSaid() {
        GitCredential answer = GitCredential.parse("protocol=https\nhost=h\nusername=bob\npassword=a=b\n"
                + "password_expiry_utc=1999999999\n").orElseThrow();

        assertThat(answer.username()).contains("bob");
        assertThat(answer.password()).contains("a=b");
        assertThat(answer.asInput()).contains("password_expiry_utc=1999999999\n");
        assertThat(GitCredential.parse("username=bob\n")).isEmpty();
        assertThat(GitCredential.parse("")).isEmpty();
    }

    @Test
    void thePasswordNeverShows() {
        GitCredential credential = new GitCredential(Map.of("username", "bob", "password", "hunter2"));

        assertThat(credential.toString()).contains("bob").doesNotContain("hunter2");
    }

    @Test
    void aLineBreakInAValueWouldForgeAnAttributeAndIsNotWellFormed() {
        assertThat(GitCredential.request("https", "h", -1, "/x\nhost=evil", Optional.empty()).isWellFormed())
                .isFalse();
        assertThat(GitCredential.request("https", "h", -1, "/x.git", Optional.empty()).isWellFormed()).isTrue();
    }
}
