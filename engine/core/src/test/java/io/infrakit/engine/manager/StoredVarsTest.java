package io.infrakit.engine.manager;

import io.infrakit.spi.Any;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.metadata.MetadataChange;
import io.infrakit.spi.metadata.MetadataPath;
import io.infrakit.spi.metadata.MetadataProposal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manager's {@code vars}: kept in {@code configs/vars.json}, the owner's alone, replaced whole by a commit. */
class StoredVarsTest {

    @TempDir
    Path configs;

    @Test
    void noFileIsAnEmptyTree() {
        StoredVars vars = StoredVars.load(configs);

        assertThat(vars.keys(MetadataPath.ROOT)).contains(List.of());
        assertThat(vars.get(MetadataPath.ROOT)).isEqualTo(Any.parse("{}"));
        assertThat(configs.resolve(StoredVars.FILE_NAME)).doesNotExist();
    }

    @Test
    void aCommitIsWrittenForItsOwnerAloneAndReadBackAfterARestart() throws Exception {
        StoredVars vars = StoredVars.load(configs);
        MetadataProposal proposal = vars.changes(List.of(MetadataChange.of("db/password", "s3cret")));

        vars.commit(proposal.proposed(), proposal.cas());

        Path file = configs.resolve(StoredVars.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(StoredVars.load(configs).get(MetadataPath.parse("db/password"))).isEqualTo(Any.of("s3cret"));
    }

    @Test
    void aCommitWithAStaleCasIsRefusedAndNothingChanges() throws Exception {
        StoredVars vars = StoredVars.load(configs);
        MetadataProposal stale = vars.changes(List.of(MetadataChange.of("zone", "a")));
        MetadataProposal fresh = vars.changes(List.of(MetadataChange.of("zone", "b")));
        vars.commit(fresh.proposed(), fresh.cas());
        byte[] before = Files.readAllBytes(configs.resolve(StoredVars.FILE_NAME));

        assertThatThrownBy(() -> vars.commit(stale.proposed(), stale.cas()))
                .isInstanceOf(InfrakitException.class)
                .hasMessageStartingWith("cas mismatch");

        assertThat(vars.get(MetadataPath.parse("zone"))).isEqualTo(Any.of("b"));
        assertThat(Files.readAllBytes(configs.resolve(StoredVars.FILE_NAME))).isEqualTo(before);
    }

    @Test
    void anAlteredProposalIsRefused() {
        StoredVars vars = StoredVars.load(configs);
        MetadataProposal proposal = vars.changes(List.of(MetadataChange.of("zone", "a")));

        assertThatThrownBy(() -> vars.commit(Any.parse("{\"zone\":\"other\"}"), proposal.cas()))
                .hasMessageStartingWith("cas mismatch");
        assertThat(configs.resolve(StoredVars.FILE_NAME)).doesNotExist();
    }

    @Test
    void aFileThatIsNotJsonIsNamedWithItsLineAndColumnWithoutItsContent() throws Exception {
        Files.writeString(configs.resolve(StoredVars.FILE_NAME), "{\n  \"token\": hunter2\n}");

        assertThatThrownBy(() -> StoredVars.load(configs))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageMatching(".*vars\\.json:2:\\d+: not JSON; fix or remove the file")
                .message().doesNotContain("hunter2");
    }

    @Test
    void aFileThatIsNotAnObjectIsRefused() throws Exception {
        Files.writeString(configs.resolve(StoredVars.FILE_NAME), "[\"hunter2\"]");

        assertThatThrownBy(() -> StoredVars.load(configs))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageEndingWith("vars.json: a metadata tree must be an object, not a list");
    }
}
