package io.infrakit.engine.manager;

import io.infrakit.engine.store.FileSpecStore;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginNotFoundException;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the manager logs about a stored group it cannot commit again: never a value of its spec (docs/security.md). */
class StoredGroupRecommitsTest {

    @TempDir
    Path configs;

    @Test
    void aValidationErrorIsLoggedWithoutTheSpecsValues_butWithItsPluginNames() {
        PersistingGroupPlugin groups = new PersistingGroupPlugin(new RecordingGroupPlugin(), "group-stateless",
                new FileSpecStore(configs), FileSpecStore.setAside(configs));
        GroupId db = GroupId.of("db");
        groups.commitGroup(new GroupSpec(db, Any.parse("""
                {"Allocation": {"Size": "S3CRETpw"},
                 "Instance": {"Plugin": "file", "Properties": {"Note": "pw \\"S3CRETpw\\" 12345678"}},
                 "Flavor": {"Plugin": "vanilla", "Properties": {"Tags": {"on": true}}}}
                """)), false);

        String invalid = StoredGroupRecommits.reason(groups, db, new InvalidSpecException(
                "Invalid properties: Allocation.Size: expected a non-negative integer, got \"S3CRETpw\""));
        String pinned = StoredGroupRecommits.reason(groups, db, new InvalidSpecException(
                "Note: got \"pw \\\"S3CRETpw\\\" 12345678\""));
        String missing = StoredGroupRecommits.reason(groups, db, new PluginNotFoundException("file", java.util.List.of("qemu")));

        assertThat(invalid).isEqualTo(
                "Invalid properties: Allocation.Size: expected a non-negative integer, got \"******\"");
        assertThat(pinned).doesNotContain("S3CRETpw", "12345678");
        assertThat(missing).isEqualTo("unknown plugin 'file'; known: qemu");
    }
}
