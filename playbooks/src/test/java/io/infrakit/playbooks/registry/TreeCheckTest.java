package io.infrakit.playbooks.registry;

import io.infrakit.spi.InvalidSpecException;
import io.infrakit.common.PlaybookFetchException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TreeCheckTest {

    private static final PlaybookSource SOURCE = PlaybookSource.parse("git://host/bomb.git", Path.of("/"));

    @TempDir
    Path directory;

    @Test
    void linksThatStayInTheTreeAreAcceptedThoseThatLeaveItAreNot() {
        Map<String, String> links = Map.of(
                "README.md", "docs/README.md",
                "groups/common.ftl", "../common/flavor.ftl",
                "here", ".",
                "absolute", "/etc/shadow",
                "up", "groups/../..",
                "through", "here/../x",
                "deep/chain", "../here/../../x",
                "loop", "loop");

        assertThat(TreeCheck.staysInside("README.md", links)).isTrue();
        assertThat(TreeCheck.staysInside("groups/common.ftl", links)).isTrue();
        assertThat(TreeCheck.staysInside("here", links)).isTrue();
        assertThat(TreeCheck.staysInside("absolute", links)).isFalse();
        assertThat(TreeCheck.staysInside("up", links)).isFalse();
        // "here" is the top itself, so here/.. is above it, though "here/../x" reads as "x"
        assertThat(TreeCheck.staysInside("through", links)).isFalse();
        assertThat(TreeCheck.staysInside("deep/chain", links)).isFalse();
        assertThat(TreeCheck.staysInside("loop", links)).isFalse();
    }

    @Test
    void aTreeOfTenBillionFilesIsRefusedAtTheLimitWithoutWalkingIt() throws Exception {
        try (Repository repository = Git.init().setDirectory(directory.toFile()).call().getRepository()) {
            ObjectId commit = bomb(repository, 10, 10);

            assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    assertThatThrownBy(() -> TreeCheck.require(repository, commit, SOURCE, CheckoutLimits.defaults()))
                            .isInstanceOf(PlaybookFetchException.class)
                            .hasMessage("cannot fetch git://host/bomb.git: commit " + commit.abbreviate(7).name()
                                    + " is refused: it has more than 20000 files and directories "
                                    + "(INFRAKIT_PLAYBOOK_MAX_FILES); nothing was checked out"));
        }
    }

    @Test
    void theBytesOfItsFilesAreCountedBeforeAnyIsWritten() throws Exception {
        try (Repository repository = Git.init().setDirectory(directory.toFile()).call().getRepository()) {
            ObjectId commit = bomb(repository, 2, 10);

            assertThatCode(() -> TreeCheck.require(repository, commit, SOURCE, new CheckoutLimits(200, 100 * 5)))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> TreeCheck.require(repository, commit, SOURCE, new CheckoutLimits(200, 99 * 5)))
                    .hasMessageEndingWith("is refused: its files hold more than 495 bytes "
                            + "(INFRAKIT_PLAYBOOK_MAX_BYTES); nothing was checked out");
        }
    }

    @Test
    void limitsComeFromTheEnvironment() {
        assertThat(CheckoutLimits.from(Map.of())).isEqualTo(new CheckoutLimits(20_000, 512L * 1024 * 1024));
        assertThat(CheckoutLimits.from(Map.of("INFRAKIT_PLAYBOOK_MAX_FILES", "50",
                "INFRAKIT_PLAYBOOK_MAX_BYTES", "2 MiB"))).isEqualTo(new CheckoutLimits(50, 2 * 1024 * 1024));
        assertThat(CheckoutLimits.from(Map.of("INFRAKIT_PLAYBOOK_MAX_BYTES", "1GiB")).maxBytes()).isEqualTo(1L << 30);
        assertThatThrownBy(() -> CheckoutLimits.from(Map.of("INFRAKIT_PLAYBOOK_MAX_FILES", "5 MiB")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("INFRAKIT_PLAYBOOK_MAX_FILES: expected a positive whole number, got \"5 MiB\"");
        assertThatThrownBy(() -> CheckoutLimits.from(Map.of("INFRAKIT_PLAYBOOK_MAX_BYTES", "0")))
                .hasMessage("INFRAKIT_PLAYBOOK_MAX_BYTES: expected a positive whole number of bytes, optionally "
                        + "with KiB, MiB or GiB, got \"0\"");
    }

    /** {@code width} entries per directory, {@code depth} levels deep, all the same 5-byte file: one object a level. */
    private static ObjectId bomb(Repository repository, int depth, int width) throws Exception {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId level = inserter.insert(Constants.OBJ_BLOB, "boom\n".getBytes(StandardCharsets.UTF_8));
            FileMode mode = FileMode.REGULAR_FILE;
            for (int i = 0; i < depth; i++) {
                TreeFormatter tree = new TreeFormatter();
                for (int entry = 0; entry < width; entry++) {
                    tree.append("d" + entry, mode, level);
                }
                level = inserter.insert(tree);
                mode = FileMode.TREE;
            }
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(level);
            PersonIdent author = new PersonIdent("InfraKit Test", "test@example.com");
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setMessage("bomb");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }
}
