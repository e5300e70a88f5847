package io.infrakit.playbooks.registry;

import io.infrakit.dsl.CommandInfo;
import io.infrakit.dsl.PlaybookDsl;
import io.infrakit.dsl.SandboxLimits;
import io.infrakit.playbooks.LocalPlaybook;
import io.infrakit.testkit.git.GitServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding, checking out and updating playbooks served by a real {@code git daemon}. */
class PlaybookRegistryIT {

    private static final Instant ADDED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-03-02T11:30:00Z");

    @TempDir
    Path temp;

    private GitServer server;
    private UpstreamRepository upstream;
    private String firstCommit;
    private Path home;

    @BeforeEach
    void serveAPlaybook() throws IOException {
        server = GitServer.start(temp);
        upstream = repository("pb.git");
        firstCommit = upstream.commit("first", Map.of("playbook.groovy", UpstreamRepository.playbook("v1"),
                "specs/group.json", "{}\n", "notes.txt", "old\n", ".gitignore", "*.log\n"));
        home = temp.resolve("home");
    }

    @AfterEach
    void stopTheDaemon() {
        server.close();
    }

    private UpstreamRepository repository(String name) throws IOException {
        return UpstreamRepository.create(server, temp.resolve("workspace"), name);
    }

    @Test
    void addPinsTheDefaultBranchAndCheckoutGivesItsTree() throws IOException {
        PinnedPlaybook pin = registry(ADDED).add("qs", source(server.url("pb.git")), true);

        assertThat(pin).isEqualTo(new PinnedPlaybook("qs", source(server.url("pb.git") + "#main"), firstCommit,
                ADDED, true));
        assertThat(registry(ADDED).list()).containsExactly(pin);
        assertThat(registry(ADDED).find("qs")).contains(pin);
        Path tree = registry(ADDED).checkout("qs");
        assertThat(tree).isEqualTo(home.resolve("playbooks/qs"));
        assertThat(script(tree)).contains("v1");
        LocalPlaybook playbook = LocalPlaybook.open(tree, new PlaybookDsl(SandboxLimits.defaults()));
        assertThat(playbook.playbook().commands()).extracting(CommandInfo::name).containsExactly("up");
        assertThat(Files.readString(home.resolve("playbooks.lock"))).contains(firstCommit)
                .contains("url: \"" + server.url("pb.git") + "\"").contains("ref: \"main\"")
                .contains("fetchedAt: \"2026-03-01T10:00:00Z\"").contains("trusted: true");
        assertThat(home.resolve("playbooks")).isDirectoryNotContaining("glob:**/.tmp-*");
    }

    @Test
    void aCommitPushedUpstreamChangesNothingUntilUpdate() throws IOException {
        registry(ADDED).add("qs", source(server.url("pb.git")), false);
        upstream.commitPlaybook("second", "v2");

        assertThat(script(registry(ADDED).checkout("qs"))).contains("v1");
        assertThat(registry(ADDED).find("qs")).map(PinnedPlaybook::commit).contains(firstCommit);
    }

    @Test
    void updateMovesThePinAndReportsTheCommitsAndFilesChanged() throws IOException {
        PinnedPlaybook before = registry(ADDED).add("qs", source(server.url("pb.git")), false);
        String second = upstream.commitPlaybook("use v2", "v2");
        Map<String, String> third = new HashMap<>();
        third.put("README.md", "# quickstart\n");
        third.put("notes.txt", null);
        String last = upstream.commit("document it", third);

        PlaybookUpdate update = registry(UPDATED).update("qs");

        assertThat(update.changed()).isTrue();
        assertThat(update.before()).isEqualTo(before);
        assertThat(update.after()).isEqualTo(new PinnedPlaybook("qs", before.source(), last, UPDATED, false));
        assertThat(update.commits()).containsExactly(last.substring(0, 7) + " document it",
                second.substring(0, 7) + " use v2");
        assertThat(update.changedFiles()).containsExactly("A README.md", "D notes.txt", "M playbook.groovy");
        assertThat(registry(UPDATED).find("qs")).contains(update.after());
        Path tree = registry(UPDATED).checkout("qs");
        assertThat(script(tree)).contains("v2");
        assertThat(tree.resolve("notes.txt")).doesNotExist();
        assertThat(tree.resolve("README.md")).exists();
    }

    @Test
    void updateWithNothingNewKeepsThePinAndTheLockFile() throws IOException {
        PinnedPlaybook pin = registry(ADDED).add("qs", source(server.url("pb.git")), false);
        byte[] lock = lockBytes();

        PlaybookUpdate update = registry(UPDATED).update("qs");

        assertThat(update.changed()).isFalse();
        assertThat(update.after()).isEqualTo(pin);
        assertThat(update.commits()).isEmpty();
        assertThat(update.changedFiles()).isEmpty();
        assertThat(lockBytes()).isEqualTo(lock);
    }

    @Test
    void tagsAnnotatedOrNotPinTheirCommitAndATagMovedUpstreamIsFollowedOnUpdate() throws IOException {
        upstream.tag("v1");
        upstream.annotatedTag("v1.1");
        String second = upstream.commitPlaybook("second", "v2");

        assertThat(registry(ADDED).add("light", source(server.url("pb.git") + "#v1"), false).commit())
                .isEqualTo(firstCommit);
        assertThat(registry(ADDED).add("annotated", source(server.url("pb.git") + "#v1.1"), false).commit())
                .isEqualTo(firstCommit);
        assertThat(script(registry(ADDED).checkout("annotated"))).contains("v1");

        assertThat(registry(ADDED).update("light").changed()).isFalse();
        upstream.moveTag("v1");
        PlaybookUpdate moved = registry(UPDATED).update("light");
        assertThat(moved.after().commit()).isEqualTo(second);
        assertThat(moved.commits()).containsExactly(second.substring(0, 7) + " second");
    }

    @Test
    void fullAndAbbreviatedCommitIdsPinThatCommit() throws IOException {
        upstream.commitPlaybook("second", "v2");

        PinnedPlaybook full = registry(ADDED).add("full", source(server.url("pb.git") + "#" + firstCommit), false);
        PinnedPlaybook abbreviated = registry(ADDED).add("short",
                source(server.url("pb.git") + "#" + firstCommit.substring(0, 8)), false);

        assertThat(full.commit()).isEqualTo(firstCommit);
        assertThat(abbreviated.commit()).isEqualTo(firstCommit);
        assertThat(abbreviated.source().ref()).contains(firstCommit.substring(0, 8));
        assertThat(script(registry(ADDED).checkout("short"))).contains("v1");
        assertThat(registry(ADDED).update("short").changed()).isFalse();
    }

    @Test
    void aBranchOtherThanTheDefaultIsFollowed() throws IOException {
        upstream.branch("stable");
        upstream.commitPlaybook("second", "v2");

        PinnedPlaybook pin = registry(ADDED).add("stable", source(server.url("pb.git") + "#stable"), false);

        assertThat(pin.commit()).isEqualTo(firstCommit);
        assertThat(registry(ADDED).update("stable").changed()).isFalse();
    }

    @Test
    void aSubdirectoryIsThePlaybookAndUpdateReportsOnlyItsFiles() throws IOException {
        UpstreamRepository mono = repository("mono.git");
        mono.commit("examples", Map.of("README.md", "examples\n",
                "examples/qs/playbook.groovy", UpstreamRepository.playbook("sub v1"),
                "examples/other/playbook.groovy", UpstreamRepository.playbook("other")));

        registry(ADDED).add("qs", source(server.url("mono.git") + "//examples/qs"), false);
        Path tree = registry(ADDED).checkout("qs");

        assertThat(tree).isEqualTo(home.resolve("playbooks/qs/examples/qs"));
        assertThat(script(tree)).contains("sub v1");
        assertThat(registry(ADDED).find("qs").orElseThrow().source().display())
                .isEqualTo(server.url("mono.git") + "//examples/qs#main");

        mono.commit("both", Map.of("examples/qs/playbook.groovy", UpstreamRepository.playbook("sub v2"),
                "examples/qs/vars.yml", "size: 3\n", "examples/other/playbook.groovy", UpstreamRepository.playbook("x")));
        assertThat(registry(UPDATED).update("qs").changedFiles()).containsExactly("M playbook.groovy", "A vars.yml");
        assertThat(script(registry(UPDATED).checkout("qs"))).contains("sub v2");
    }

    @Test
    void theRefAndSubdirectoryMayComeInEitherOrder() throws IOException {
        UpstreamRepository mono = repository("mono.git");
        String commit = mono.commit("examples", Map.of("examples/qs/playbook.groovy",
                UpstreamRepository.playbook("sub v1")));

        PinnedPlaybook pin = registry(ADDED).add("qs", source(server.url("mono.git") + "#main//examples/qs"), false);

        assertThat(pin.commit()).isEqualTo(commit);
        assertThat(pin.source().subdir()).contains("examples/qs");
    }

    @Test
    void checkoutWorksOfflineOnceAdded() throws IOException {
        registry(ADDED).add("qs", source(server.url("pb.git")), false);
        server.stop();

        Path tree = registry(ADDED).checkout("qs");
        Files.writeString(tree.resolve("playbook.groovy"), "edited offline\n");

        assertThat(script(registry(ADDED).checkout("qs"))).contains("v1");
    }

    @Test
    void aDirtyWorkTreeIsResetToThePinnedCommit() throws IOException {
        registry(ADDED).add("qs", source(server.url("pb.git")), false);
        Path tree = registry(ADDED).checkout("qs");
        Files.writeString(tree.resolve("playbook.groovy"), "tampered\n");
        Files.delete(tree.resolve("notes.txt"));
        Files.writeString(tree.resolve("added.txt"), "not in git\n");
        Files.createDirectories(tree.resolve("new-dir"));
        Files.writeString(tree.resolve("new-dir/file"), "x");
        Files.writeString(tree.resolve("specs/debug.log"), "ignored by .gitignore, still not the pinned tree");

        Path again = registry(ADDED).checkout("qs");

        assertThat(script(again)).contains("v1");
        assertThat(again.resolve("notes.txt")).hasContent("old");
        assertThat(again.resolve("added.txt")).doesNotExist();
        assertThat(again.resolve("new-dir")).doesNotExist();
        assertThat(again.resolve("specs/debug.log")).doesNotExist();
        assertThat(again.resolve("specs/group.json")).exists();
    }

    @Test
    void aFileAddedToAnOtherwiseCleanWorkTreeIsRemovedEvenOneGitIgnores() throws IOException {
        registry(ADDED).add("qs", source(server.url("pb.git")), false);
        Files.writeString(registry(ADDED).checkout("qs").resolve("extra.groovy"), "x");
        assertThat(registry(ADDED).checkout("qs").resolve("extra.groovy")).doesNotExist();

        Files.writeString(registry(ADDED).checkout("qs").resolve("debug.log"), "x");
        assertThat(registry(ADDED).checkout("qs").resolve("debug.log")).doesNotExist();
    }

    @Test
    void aFileUrlAndALocalPathNeedNoServer() throws IOException {
        Path bare = upstream.bare();
        server.stop();

        PinnedPlaybook byUrl = registry(ADDED).add("by-url", source("file://" + bare), false);
        PinnedPlaybook byPath = registry(ADDED).add("by-path",
                PlaybookSource.parse(temp.relativize(bare).toString(), temp), false);

        assertThat(byUrl.commit()).isEqualTo(firstCommit);
        assertThat(byPath.commit()).isEqualTo(firstCommit);
        assertThat(byPath.source().url()).isEqualTo("file://" + bare);
        assertThat(script(registry(ADDED).checkout("by-path"))).contains("v1");
    }

    @Test
    void removeForgetsThePlaybookAndDeletesItsCache() throws IOException {
        registry(ADDED).add("qs", source(server.url("pb.git")), false);
        registry(ADDED).add("other", source(server.url("pb.git")), false);

        registry(ADDED).remove("qs");

        assertThat(registry(ADDED).list()).extracting(PinnedPlaybook::name).containsExactly("other");
        assertThat(home.resolve("playbooks/qs")).doesNotExist();
        assertThat(registry(ADDED).find("qs")).isEqualTo(Optional.empty());
        registry(ADDED).add("qs", source(server.url("pb.git")), false);
        assertThat(registry(ADDED).list()).extracting(PinnedPlaybook::name).containsExactly("other", "qs");
    }

    @Test
    void playbooksAddedSideBySideAreAllKept() {
        List<CompletableFuture<PinnedPlaybook>> adds = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> registry(ADDED).add("pb" + i,
                        source(server.url("pb.git")), false)))
                .toList();

        adds.forEach(CompletableFuture::join);

        assertThat(registry(ADDED).list()).extracting(PinnedPlaybook::name).containsExactly("pb0", "pb1", "pb2", "pb3");
    }

    @Test
    void whatACrashedAddLeftBehindIsClearedByTheNext() throws IOException {
        Path leftover = Files.createDirectories(home.resolve("playbooks/.tmp-qs-123/.git"));
        Files.writeString(leftover.resolve("HEAD"), "half a clone\n");

        registry(ADDED).add("qs", source(server.url("pb.git")), false);

        assertThat(home.resolve("playbooks/.tmp-qs-123")).doesNotExist();
    }

    @Test
    void credentialsInTheUrlAreUsedButNeverStored() throws IOException {
        String url = server.url("pb.git").replace("git://", "git://alice:s3cret@");

        PinnedPlaybook pin = registry(ADDED).add("qs", source(url), false);

        assertThat(pin.source().url()).isEqualTo(server.url("pb.git"));
        assertThat(Files.readString(home.resolve("playbooks.lock"))).doesNotContain("s3cret").doesNotContain("alice");
        assertThat(Files.readString(home.resolve("playbooks/qs/.git/config"))).doesNotContain("s3cret");
    }

    private PlaybookRegistry registry(Instant now) {
        return new PlaybookRegistry(home, Clock.fixed(now, ZoneOffset.UTC), Map.of());
    }

    private PlaybookSource source(String text) {
        return PlaybookSource.parse(text, temp);
    }

    private byte[] lockBytes() throws IOException {
        return Files.readAllBytes(home.resolve("playbooks.lock"));
    }

    private static String script(Path tree) throws IOException {
        return Files.readString(tree.resolve("playbook.groovy"), StandardCharsets.UTF_8);
    }
}
