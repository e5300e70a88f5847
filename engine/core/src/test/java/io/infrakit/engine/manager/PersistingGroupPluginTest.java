package io.infrakit.engine.manager;

import io.infrakit.engine.store.FileSpecStore;
import io.infrakit.engine.store.SpecStore;
import io.infrakit.engine.store.StoredSpec;
import io.infrakit.spi.Any;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersistingGroupPluginTest {

    @TempDir
    Path configs;

    final RecordingGroupPlugin backend = new RecordingGroupPlugin();

    @Test
    void storesACommitBeforeForwardingIt() {
        FileSpecStore store = new FileSpecStore(configs);
        PersistingGroupPlugin groups = persisting(backend, store);

        String details = groups.commitGroup(spec("workers", 3), false);

        assertThat(details).isEqualTo("Managing workers");
        assertThat(store.load()).singleElement().satisfies(stored -> {
            assertThat(stored.key().name()).isEqualTo("workers");
            assertThat(stored.record().handler()).isEqualTo("group-stateless");
            assertThat(stored.record().spec().properties()).isEqualTo(Any.parse("{\"Size\":3}"));
        });
        assertThat(backend.calls).containsExactly("pretend workers {\"Size\":3}", "commit workers {\"Size\":3}");
    }

    @Test
    void aPretendCommitStoresNothing() {
        FileSpecStore store = new FileSpecStore(configs);
        persisting(backend, store).commitGroup(spec("workers", 3), true);

        assertThat(store.load()).isEmpty();
        assertThat(backend.calls).containsExactly("pretend workers {\"Size\":3}");
    }

    @Test
    void aNewCommitReplacesTheStoredSpecAndFreeForgetsIt() {
        FileSpecStore store = new FileSpecStore(configs);
        PersistingGroupPlugin groups = persisting(backend, store);
        groups.commitGroup(spec("workers", 3), false);
        groups.commitGroup(spec("db", 1), false);
        groups.commitGroup(spec("workers", 5), false);

        assertThat(groups.inspectGroups()).containsExactly(spec("db", 1), spec("workers", 5));

        groups.freeGroup(GroupId.of("workers"));
        assertThat(groups.inspectGroups()).containsExactly(spec("db", 1));
    }

    @Test
    void recommitsEveryStoredGroupTwiceAfterARestart() {
        FileSpecStore store = new FileSpecStore(configs);
        persisting(new RecordingGroupPlugin(), store).commitGroup(spec("a", 1), false);

        PersistingGroupPlugin restarted = persisting(backend, new FileSpecStore(configs));
        assertThat(restarted.recommitStored()).isEmpty();
        assertThat(backend.calls).containsExactly("commit a {\"Size\":1}", "commit a {\"Size\":1}");
    }

    @Test
    void aStoredGroupThatCannotBeCommittedYetIsReportedNotThrown() {
        FileSpecStore store = new FileSpecStore(configs);
        persisting(new RecordingGroupPlugin(), store).commitGroup(spec("a", 1), false);
        persisting(new RecordingGroupPlugin(), store).commitGroup(spec("b", 2), false);
        backend.failCommitsOf = "a";

        var failed = persisting(backend, store).recommitStored();

        assertThat(failed).containsOnlyKeys(GroupId.of("a"));
        assertThat(failed.get(GroupId.of("a"))).hasMessage("Failed to find Instance plugin 'file':not yet");
        assertThat(backend.calls).containsExactly("commit b {\"Size\":2}", "commit b {\"Size\":2}");
    }

    @Test
    void aGroupWhoseDestroyFailsStaysStoredSoNothingIsOrphaned() {
        FileSpecStore store = new FileSpecStore(configs);
        PersistingGroupPlugin groups = persisting(backend, store);
        groups.commitGroup(spec("workers", 3), false);
        backend.failDestroy = true;

        assertThatThrownBy(() -> groups.destroyGroup(GroupId.of("workers"))).hasMessage("i-2 resists");
        assertThat(groups.inspectGroups()).containsExactly(spec("workers", 3));

        backend.failDestroy = false;
        groups.destroyGroup(GroupId.of("workers"));
        assertThat(groups.inspectGroups()).isEmpty();
    }

    @Test
    void aNewSizeIsStoredSoARestartKeepsIt() {
        FileSpecStore store = new FileSpecStore(configs);
        PersistingGroupPlugin groups = persisting(backend, store);
        groups.commitGroup(spec("workers", 3), false);

        groups.setSize(GroupId.of("workers"), 7);

        assertThat(persisting(backend, new FileSpecStore(configs)).inspectGroups())
                .containsExactly(spec("workers", 7));
    }

    @Test
    void aStoreThatCannotSaveAbortsTheCommitWithInfrakitsMessage() {
        SpecStore broken = new SpecStore() {
            @Override
            public List<StoredSpec> load() {
                return List.of();
            }

            @Override
            public void save(List<StoredSpec> specs) {
                throw new IllegalStateException("disk full");
            }
        };

        assertThatThrownBy(() -> persisting(backend, broken)
                .commitGroup(spec("workers", 3), false))
                .isInstanceOf(InfrakitException.class)
                .hasMessage("Cannot update spec. Abort: disk full");
        assertThat(backend.calls).as("validated only, never acted on").containsExactly("pretend workers {\"Size\":3}");
    }

    PersistingGroupPlugin persisting(GroupPlugin groups, SpecStore store) {
        return new PersistingGroupPlugin(groups, "group-stateless", store, FileSpecStore.setAside(configs));
    }

    static GroupSpec spec(String id, int size) {
        return new GroupSpec(GroupId.of(id), Any.parse("{\"Size\":" + size + "}"));
    }
}
