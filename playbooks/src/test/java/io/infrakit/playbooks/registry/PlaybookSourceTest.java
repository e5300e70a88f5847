package io.infrakit.playbooks.registry;

import io.infrakit.common.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PlaybookSourceTest {

    private static final Path WORKING_DIRECTORY = Path.of("/work/playbooks");

    @Test
    void aUrlAloneHasNoRefAndNoSubdirectory() {
        PlaybookSource source = parse("git://host/repo.git");

        assertThat(source).isEqualTo(new PlaybookSource("git://host/repo.git", Optional.empty(), Optional.empty()));
        assertThat(source.display()).isEqualTo("git://host/repo.git");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            git://host/repo.git//examples/qs#v1.2       | git://host/repo.git      | examples/qs | v1.2
            git://host/repo.git#v1.2//examples/qs       | git://host/repo.git      | examples/qs | v1.2
            git://host/repo.git//examples/qs/           | git://host/repo.git      | examples/qs |
            https://host:8443/x.git#main                | https://host:8443/x.git  |             | main
            https://host/x.git#feature/new-vpc          | https://host/x.git       |             | feature/new-vpc
            http://host/x.git//qs                       | http://host/x.git        | qs          |
            ssh://git@host/x.git#v1                     | ssh://git@host/x.git     |             | v1
            git@github.com:owner/repo.git//qs#v1        | git@github.com:owner/repo.git | qs     | v1
            file:///srv/x.git//sub#0123abcd             | file:///srv/x.git        | sub         | 0123abcd
            FILE:///srv/x.git                           | FILE:///srv/x.git        |             |
            """)
    void theRefAndSubdirectoryComeAfterTheUrlInEitherOrder(String text, String url, String subdir, String ref) {
        PlaybookSource source = parse(text);

        assertThat(source.url()).isEqualTo(url);
        assertThat(source.subdir()).isEqualTo(Optional.ofNullable(subdir));
        assertThat(source.ref()).isEqualTo(Optional.ofNullable(ref));
    }

    @Test
    void displayPutsTheSubdirectoryBeforeTheRef() {
        assertThat(parse("git://host/repo.git#v1.2//examples/qs").display())
                .isEqualTo("git://host/repo.git//examples/qs#v1.2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://alice:s3cret@host/x.git#main        | https://alice:s3cret@host/x.git        | https://host/x.git#main
            https://ghp_tokenvalue@host/x.git           | https://ghp_tokenvalue@host/x.git      | https://host/x.git
            https://alice:p%40ss@host:8443/x.git//qs    | https://alice:p%40ss@host:8443/x.git   | https://host:8443/x.git//qs
            https://alice:p@ss@host/x.git               | https://alice:p@ss@host/x.git          | https://host/x.git
            git://alice:s3cret@127.0.0.1:9418/pb.git#v9 | git://alice:s3cret@127.0.0.1:9418/pb.git | git://127.0.0.1:9418/pb.git#v9
            ssh://git:s3cret@host/x.git                 | ssh://git:s3cret@host/x.git            | ssh://git@host/x.git
            """)
    void credentialsAreKeptForFetchingButNeverDisplayed(String text, String url, String display) {
        PlaybookSource source = parse(text);

        assertThat(source.url()).isEqualTo(url);
        assertThat(source.display()).isEqualTo(display);
        assertThat(source.toString()).isEqualTo(display);
        assertThat(source.withoutCredentials().display()).isEqualTo(display);
        assertThat(source.withoutCredentials().url()).doesNotContain("s3cret").doesNotContain("alice")
                .doesNotContain("token").doesNotContain("ss@");
    }

    @Test
    void theUrlsCredentialsAreReadDecoded() {
        String url = parse("https://alice:p%40ss@host/x.git").url();

        assertThat(GitUrl.user(url)).contains("alice");
        assertThat(GitUrl.password(url)).contains("p@ss");
        assertThat(GitUrl.password("https://host/x.git")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            pb                          | file:///work/playbooks/pb         |
            ../shared/pb.git//qs#main   | file:///work/shared/pb.git        | qs
            /srv/git/pb.git             | file:///srv/git/pb.git            |
            ./pb//examples/qs           | file:///work/playbooks/pb         | examples/qs
            """)
    void aLocalPathIsMadeAbsoluteAsAFileUrl(String text, String url, String subdir) {
        PlaybookSource source = parse(text);

        assertThat(source.url()).isEqualTo(url);
        assertThat(source.subdir()).isEqualTo(Optional.ofNullable(subdir));
    }

    static Stream<Arguments> badTexts() {
        return Stream.of(
                arguments("", "", "it is empty"),
                arguments("   ", "", "it is empty"),
                arguments("ftp://host/x.git", "ftp://host/x.git",
                        "unsupported scheme 'ftp://' (use git://, https://, http://, ssh://, file:// or a local path)"),
                arguments("https:///x.git", "https:///x.git", "it names no host"),
                arguments("https://alice:secret@/x.git", "https:///x.git", "it names no host"),
                arguments("git://host/x.git#", "git://host/x.git#", "nothing follows '#' (give a branch, tag or commit)"),
                arguments("git://host/x.git#bad..ref", "git://host/x.git#bad..ref",
                        "'bad..ref' is not a valid branch, tag or commit name"),
                arguments("git://host/x.git#with space", "git://host/x.git#with space",
                        "'with space' is not a valid branch, tag or commit name"),
                arguments("git://host/x.git//", "git://host/x.git//",
                        "nothing follows '//' (give a subdirectory of the repository)"),
                arguments("git://host/x.git//../etc", "git://host/x.git//../etc",
                        "subdirectory '../etc' must be a plain path inside the repository"),
                arguments("git://host/x.git//a/./b", "git://host/x.git//a/./b",
                        "subdirectory 'a/./b' must be a plain path inside the repository"),
                arguments("git://host/x.git//.git/hooks", "git://host/x.git//.git/hooks",
                        "subdirectory '.git/hooks' must be a plain path inside the repository"),
                arguments("git://host/x.git//a#v1//b", "git://host/x.git//a#v1//b", "it names a //subdir twice"),
                arguments("#v1", "#v1", "it names no repository"));
    }

    @ParameterizedTest
    @MethodSource("badTexts")
    void badTextIsAUsageErrorNamingItWithoutCredentials(String text, String shown, String why) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid playbook source '" + shown + "': " + why);
    }

    @Test
    void aRecordWithCredentialsDoesNotPrintThem() {
        PlaybookSource source = new PlaybookSource("https://alice:s3cret@host/x.git", Optional.of("main"),
                Optional.empty());

        assertThat(String.valueOf(source)).isEqualTo("https://host/x.git#main");
    }

    private static PlaybookSource parse(String text) {
        return PlaybookSource.parse(text, WORKING_DIRECTORY);
    }
}
