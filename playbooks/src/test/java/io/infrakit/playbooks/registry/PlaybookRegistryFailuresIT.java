package io.infrakit.playbooks.registry;

import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.PlaybookFetchException;
import io.infrakit.common.UsageException;
import io.infrakit.testkit.LoopbackPorts;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What goes wrong: bad refs, hosts, repositories and names, damaged caches. Every failure is one line of the right
 * type, and leaves the lock file byte for byte as it was, with no temporary directory behind.
 */
class PlaybookRegistryFailuresIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private GitServer server;
    private UpstreamRepository upstream;
    private String firstCommit;
    private Path home;
    private PlaybookRegistry registry;
    private String pb;

    @BeforeEach
    void addAPlaybook() throws IOException {
        server = GitServer.start(temp);
        upstream = repository("pb.git");
        firstCommit = upstream.commit("first", Map.of("playbook.groovy", UpstreamRepository.playbook("v1"),
                "notes.txt", "old\n"));
        home = temp.resolve("home");
        registry = new PlaybookRegistry(home, CLOCK, Map.of());
        pb = server.url("pb.git");
        registry.add("qs", source(pb), false);
    }

    @AfterEach
    void stopTheDaemon() {
        server.close();
    }

    private UpstreamRepository repository(String name) throws IOException {
        return UpstreamRepository.create(server, temp.resolve("workspace"), name);
    }

    @Test
    void anUnknownRefNamesTheSourceAndTheRef() throws IOException {
        assertFailsLeavingTheRegistryAsItWas(() -> registry.add("bad", source(pb + "#v9"), false),
                PlaybookFetchException.class, "cannot fetch " + pb + "#v9: unknown ref 'v9'");
    }

    @Test
    void anUnreachableHostIsAConnectionRefused() throws IOException {
        String closed = "git://127.0.0.1:" + LoopbackPorts.free() + "/pb.git";

        assertFailsLeavingTheRegistryAsItWas(() -> registry.add("bad", source(closed), false),
                PlaybookFetchException.class, "cannot fetch " + closed + ": connection refused");
    }

    @Test
    void credentialsNeverAppearInAFailure() throws IOException {
        int closed = LoopbackPorts.free();
        PlaybookRegistry withToken = new PlaybookRegistry(home, CLOCK, Map.of("INFRAKIT_GIT_TOKEN", "tok-secret"));
        for (String url : List.of("git://alice:secret@127.0.0.1:" + closed + "/pb.git",
                "http://alice:secret@127.0.0.1:" + closed + "/pb.git#main",
                "https://alice:secret@127.0.0.1:" + closed + "/x/pb.git//sub#v1")) {
            Throwable failure = catchThrowable(() -> withToken.add("bad", source(url), false));

            assertThat(failure).isInstanceOf(PlaybookFetchException.class);
            assertThat(failure.getMessage()).doesNotContain("secret").doesNotContain("alice")
                    .startsWith("cannot fetch " + url.replace("alice:secret@", "") + ": ");
            assertThat(stackTrace(failure)).doesNotContain("secret");
        }
    }

    @Test
    void aRepositoryWithoutAPlaybookIsAnInvalidSpec() throws IOException {
        repository("docs.git").commit("docs", Map.of("README.md", "no playbook\n",
                "examples/qs/playbook.groovy", UpstreamRepository.playbook("sub")));
        String docs = server.url("docs.git");

        assertFailsLeavingTheRegistryAsItWas(() -> registry.add("docs", source(docs), false),
                InvalidSpecException.class, docs + "#main: no playbook.groovy at the repository root");
        assertFailsLeavingTheRegistryAsItWas(() -> registry.add("docs", source(docs + "//examples/nope"), false),
                InvalidSpecException.class, docs + "//examples/nope#main: no playbook.groovy at examples/nope");
    }

    @Test
    void anEmptyRepositoryHasNoDefaultBranch() throws IOException {
        server.emptyRepository("empty.git");
        String empty = server.url("empty.git");

        assertFailsLeavingTheRegistryAsItWas(() -> registry.add("empty", source(empty), false),
                PlaybookFetchException.class, "cannot fetch " + empty
                        + ": the repository has no default branch (is it empty?); name a ref with #REF");
    }

    @Test
    void aNameIsAddedOnce() throws IOException {
        assertFailsLeavingTheRegistryAsItWas(() -> registry.add("qs", source(pb + "#main"), false),
                UsageException.class, "playbook 'qs' already exists (" + pb
                        + "#main); remove it first or pick another name");
    }

    @Test
    void aNameMustBeLowerCaseLettersDigitsDotsDashesAndUnderscores() throws IOException {
        for (String name : List.of("Qs", "../qs", ".qs", "-qs", "q s", "")) {
            assertFailsLeavingTheRegistryAsItWas(() -> registry.add(name, source(pb), false), UsageException.class,
                    "invalid playbook name '" + name + "': use lower-case letters, digits, '.', '_' and '-', "
                            + "starting with a letter or digit");
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() throws IOException {
        String message = "no playbook 'nope'; known: qs";
        assertFailsLeavingTheRegistryAsItWas(() -> registry.checkout("nope"), UsageException.class, message);
        assertFailsLeavingTheRegistryAsItWas(() -> registry.update("nope"), UsageException.class, message);
        assertFailsLeavingTheRegistryAsItWas(() -> registry.remove("nope"), UsageException.class, message);
    }

    @Test
    void aDeletedGitDirectoryIsClonedAgainAtThePinnedCommit() throws IOException {
        upstream.commitPlaybook("second", "v2");
        byte[] lock = lockBytes();
        deleteTree(home.resolve("playbooks/qs/.git"));

        Path tree = registry.checkout("qs");

        assertThat(tree.resolve("playbook.groovy")).content().contains("v1");
        assertThat(server.git().run(tree, "rev-parse", "HEAD")).isEqualTo(firstCommit);
        assertThat(lockBytes()).isEqualTo(lock);
        assertThat(home.resolve("playbooks")).isDirectoryNotContaining("glob:**/.tmp-*");
    }

    @Test
    void garbageInTheGitDirectoryIsClonedAgain() throws IOException {
        garble(home.resolve("playbooks/qs/.git"));

        assertThat(registry.checkout("qs").resolve("playbook.groovy")).content().contains("v1");
        assertThat(registry.update("qs").changed()).isFalse();
    }

    @Test
    void aMissingCacheIsClonedAgain() throws IOException {
        deleteTree(home.resolve("playbooks/qs"));

        assertThat(registry.checkout("qs").resolve("playbook.groovy")).content().contains("v1");
    }

    @Test
    void aDamagedCacheThatCannotBeFetchedSaysSo() throws IOException {
        garble(home.resolve("playbooks/qs/.git"));
        server.stop();

        assertFailsLeavingTheRegistryAsItWas(() -> registry.checkout("qs"), PlaybookFetchException.class,
                "the cache of playbook 'qs' is damaged and cannot be refetched: cannot fetch " + pb
                        + "#main: connection refused");
    }

    @Test
    void aDamagedCacheWhosePinnedCommitIsGoneUpstreamSaysSo() throws IOException {
        upstream.replaceHistory("rewritten", Map.of("playbook.groovy", UpstreamRepository.playbook("new root")));
        deleteTree(home.resolve("playbooks/qs/.git"));

        assertFailsLeavingTheRegistryAsItWas(() -> registry.checkout("qs"), PlaybookFetchException.class,
                "the cache of playbook 'qs' is damaged and cannot be refetched: cannot fetch " + pb
                        + "#main: commit " + firstCommit.substring(0, 7) + " is no longer there");
    }

    @Test
    void anUpdateThatCannotFetchLeavesCacheAndPinAsTheyWere() throws IOException {
        upstream.commitPlaybook("second", "v2");
        server.stop();

        assertFailsLeavingTheRegistryAsItWas(() -> registry.update("qs"), PlaybookFetchException.class,
                "cannot fetch " + pb + "#main: connection refused");
        assertThat(registry.checkout("qs").resolve("playbook.groovy")).content().contains("v1");
    }

    @Test
    void anUpdateToATreeWithoutAPlaybookKeepsThePin() throws IOException {
        Map<String, String> change = new HashMap<>();
        change.put("playbook.groovy", null);
        change.put("README.md", "moved\n");
        upstream.commit("moved away", change);

        assertFailsLeavingTheRegistryAsItWas(() -> registry.update("qs"), InvalidSpecException.class,
                pb + "#main: no playbook.groovy at the repository root");
        assertThat(registry.checkout("qs").resolve("playbook.groovy")).content().contains("v1");
    }

    @Test
    void aBranchDeletedUpstreamIsAnUnknownRefOnUpdate() throws IOException {
        upstream.branch("feature");
        registry.add("feature", source(pb + "#feature"), false);
        upstream.deleteBranch("feature");

        assertFailsLeavingTheRegistryAsItWas(() -> registry.update("feature"), PlaybookFetchException.class,
                "cannot fetch " + pb + "#feature: unknown ref 'feature'");
        assertThat(registry.checkout("feature").resolve("playbook.groovy")).content().contains("v1");
    }

    @Test
    void sshToAClosedPortIsAConnectionRefused() throws IOException {
        String closed = "ssh://git@127.0.0.1:" + LoopbackPorts.free() + "/pb.git";

        assertFailsLeavingTheRegistryAsItWas(() -> registry.add("ssh", source(closed), false),
                PlaybookFetchException.class, "cannot fetch " + closed + ": connection refused");
    }

    private void assertFailsLeavingTheRegistryAsItWas(ThrowingCallable call, Class<? extends Throwable> type,
                                                      String message) throws IOException {
        byte[] lock = lockBytes();
        List<String> caches = caches();

        Throwable failure = catchThrowable(call);

        assertThat(failure).isInstanceOf(type).hasMessage(message);
        assertThat(failure.getMessage()).doesNotContain("\n");
        assertThat(lockBytes()).isEqualTo(lock);
        assertThat(caches()).isEqualTo(caches);
    }

    private PlaybookSource source(String text) {
        return PlaybookSource.parse(text, temp);
    }

    private byte[] lockBytes() throws IOException {
        return Files.readAllBytes(home.resolve("playbooks.lock"));
    }

    private List<String> caches() throws IOException {
        try (Stream<Path> entries = Files.list(home.resolve("playbooks"))) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** Overwrites every file of a git directory with junk. */
    private static void garble(Path gitDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(gitDirectory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                file.toFile().setWritable(true);
                Files.writeString(file, "garbage\n");
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
