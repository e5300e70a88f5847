package io.infrakit.playbooks;

import io.infrakit.dsl.PlaybookDsl;
import io.infrakit.dsl.SandboxLimits;
import io.infrakit.spi.InvalidSpecException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaybookFilesTest {

    private static final PlaybookDsl DSL = new PlaybookDsl(SandboxLimits.defaults());

    @TempDir
    Path work;

    private Path tree;
    private Path elsewhere;

    @BeforeEach
    void twoDirectories() throws IOException {
        tree = Files.createDirectories(work.resolve("tree"));
        elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    }

    @Test
    void aReadmeLinkingOutOfTheTreeIsRefusedNotShown() throws IOException {
        Path secret = Files.writeString(elsewhere.resolve("secret"), "S3CRET\n");
        Files.writeString(tree.resolve("playbook.groovy"), "command('up') { echo 'hi' }\n");
        Files.createSymbolicLink(tree.resolve("README.md"), secret);

        assertThatThrownBy(() -> LocalPlaybook.open(tree, DSL))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("README.md: leads to " + secret.toRealPath() + ", outside the playbook tree; "
                        + "a playbook's files are read only inside it")
                .hasMessageNotContaining("S3CRET");
    }

    @Test
    void aScriptLinkingOutOfTheTreeIsRefused() throws IOException {
        Path script = Files.writeString(elsewhere.resolve("x.groovy"), "command('up') { echo 'hi' }\n");
        Files.createSymbolicLink(tree.resolve("playbook.groovy"), script);

        assertThatThrownBy(() -> LocalPlaybook.open(tree, DSL))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("playbook.groovy: leads to " + script.toRealPath()
                        + ", outside the playbook tree");
    }

    @Test
    void linksInsideTheTreeAreFollowed() throws IOException {
        Files.createDirectories(tree.resolve("docs"));
        Files.writeString(tree.resolve("docs/README.md"), "How to use it\n");
        Files.writeString(tree.resolve("playbook.groovy"), "command('up') { echo 'hi' }\n");
        Files.createSymbolicLink(tree.resolve("README.md"), Path.of("docs/README.md"));

        assertThat(LocalPlaybook.open(tree, DSL).readme()).contains("How to use it\n");
        assertThat(PlaybookFiles.inside(tree, "docs/../README.md")).isEqualTo(tree.resolve("README.md"));
        assertThatThrownBy(() -> PlaybookFiles.inside(tree, "../x.yml"))
                .hasMessageStartingWith("../x.yml: leads to " + tree.getParent().resolve("x.yml"));
    }
}
