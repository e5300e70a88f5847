package io.infrakit.playbooks.registry;

import io.infrakit.spi.InvalidSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockFileTest {

    private static final String COMMIT = "874edd481cb47041d758c538f4b150f47a860100";
    private static final Instant FETCHED = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path home;

    @Test
    void noFileIsNoPlaybook() {
        assertThat(lock().read()).isEmpty();
    }

    @Test
    void pinsAreWrittenSortedByNameAsYamlAndReadBack() throws IOException {
        PinnedPlaybook qs = pin("qs", new PlaybookSource("git://host/pb.git", Optional.of("main"),
                Optional.of("examples/qs")), true);
        PinnedPlaybook aws = pin("aws", new PlaybookSource("https://host/aws.git", Optional.of("v1.2"),
                Optional.empty()), false);

        lock().write(Map.of("qs", qs, "aws", aws));

        assertThat(Files.readString(home.resolve("playbooks.lock"))).isEqualTo("""
                aws:
                  url: "https://host/aws.git"
                  ref: "v1.2"
                  commit: "%1$s"
                  fetchedAt: "2026-03-01T10:00:00Z"
                  trusted: false
                qs:
                  url: "git://host/pb.git"
                  ref: "main"
                  subdir: "examples/qs"
                  commit: "%1$s"
                  fetchedAt: "2026-03-01T10:00:00Z"
                  trusted: true
                """.formatted(COMMIT));
        assertThat(lock().read()).containsExactly(Map.entry("aws", aws), Map.entry("qs", qs));
        assertThat(home).isDirectoryNotContaining("glob:**/.playbooks.lock*");
    }

    @Test
    void credentialsAreNeverWritten() throws IOException {
        lock().write(Map.of("qs", pin("qs", new PlaybookSource("https://alice:s3cret@host/pb.git",
                Optional.of("main"), Optional.empty()), false)));

        assertThat(Files.readString(home.resolve("playbooks.lock"))).contains("url: \"https://host/pb.git\"")
                .doesNotContain("s3cret").doesNotContain("alice");
    }

    @Test
    void aPinWithoutTrustedIsNotTrusted() throws IOException {
        write(entry("qs", "git://h/pb.git", COMMIT).replace("  trusted: false\n", ""));

        assertThat(lock().read().get("qs").trusted()).isFalse();
    }

    @Test
    void removingTheLastPinLeavesAnEmptyRegistry() {
        lock().write(Map.of("qs", pin("qs", new PlaybookSource("git://host/pb.git", Optional.of("main"),
                Optional.empty()), false)));

        lock().write(new TreeMap<>());

        assertThat(lock().read()).isEmpty();
    }

    @Test
    void aBrokenFileNamesItsLine() throws IOException {
        write("qs:\n  url: \"git://h/pb.git\"\n  commit: [\"unclosed\"\n");

        assertThatThrownBy(() -> lock().read()).isInstanceOf(InvalidSpecException.class)
                .hasMessageMatching(Pattern.quote(home.resolve("playbooks.lock").toString()) + ":[34]: [^\n]+");
    }

    @Test
    void aHandEditedEntryIsHeldToWhatAddAccepts() throws IOException {
        String file = home.resolve("playbooks.lock").toString();
        assertInvalid("qs:\n  url: \"git://h/pb.git\"\n  fetchedAt: \"2026-03-01T10:00:00Z\"\n",
                file + ": playbook 'qs' needs url, commit and fetchedAt");
        assertInvalid(entry("qs", "git://h/pb.git", "abc"),
                file + ": playbook 'qs': commit 'abc' is not a full commit ID");
        assertInvalid(entry("../etc", "git://h/pb.git", COMMIT), file + ": playbook '../etc': not a valid name");
        assertInvalid(entry("qs", "ftp://h/pb.git", COMMIT), file + ": playbook 'qs': invalid playbook source "
                + "'ftp://h/pb.git#main': unsupported scheme 'ftp://' (use git://, https://, http://, ssh://, file:// "
                + "or a local path)");
        assertInvalid(entry("qs", "git://h/pb.git", COMMIT).replace("ref:", "subdir: \"../..\"\n  ref:"),
                file + ": playbook 'qs': invalid playbook source 'git://h/pb.git//../..#main': subdirectory '../..' "
                        + "must be a plain path inside the repository");
        assertInvalid(entry("qs", "git://h/pb.git", COMMIT).replace("2026-03-01T10:00:00Z", "yesterday"),
                file + ": playbook 'qs': fetchedAt 'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void anAliasIsRefusedRatherThanReadAsItsName() throws IOException {
        String file = home.resolve("playbooks.lock").toString();
        String aliased = entry("qs", "git://h/pb.git", COMMIT).replace("ref: \"main\"", "ref: &r \"main\"")
                + "qs2:\n  url: \"git://h/pb.git\"\n  ref: *r\n";

        assertInvalid(aliased, file + ":9:8: YAML aliases (*r) are not supported; write the value out");
    }

    private void assertInvalid(String text, String message) throws IOException {
        write(text);
        assertThatThrownBy(() -> lock().read()).isInstanceOf(InvalidSpecException.class).hasMessage(message);
    }

    private static String entry(String name, String url, String commit) {
        return name + ":\n  url: \"" + url + "\"\n  ref: \"main\"\n  commit: \"" + commit
                + "\"\n  fetchedAt: \"2026-03-01T10:00:00Z\"\n  trusted: false\n";
    }

    private void write(String text) throws IOException {
        Files.writeString(home.resolve("playbooks.lock"), text);
    }

    private LockFile lock() {
        return new LockFile(home.resolve("playbooks.lock"));
    }

    private static PinnedPlaybook pin(String name, PlaybookSource source, boolean trusted) {
        return new PinnedPlaybook(name, source, COMMIT, FETCHED, trusted);
    }
}
