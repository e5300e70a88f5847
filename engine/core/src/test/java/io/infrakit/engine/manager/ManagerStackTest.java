package io.infrakit.engine.manager;

import io.infrakit.engine.store.FileSpecStore;
import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.controller.Metadata;
import io.infrakit.spi.controller.ObjectSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manager as InfraKit's Stack (docs/protocol.md, "The manager as a whole"), over the stored group specs. */
class ManagerStackTest {

    @TempDir
    Path configs;

    final RecordingGroupPlugin backend = new RecordingGroupPlugin();

    @Test
    void leadsAlwaysAndIsFoundAtItsGroupSocket() {
        ManagerStack stack = stack();

        assertThat(stack.isLeader()).isTrue();
        assertThat(stack.leaderLocation()).isEqualTo(URI.create("unix://" + configs.resolve("group").toUri()
                .getRawPath()));
    }

    @Test
    void enforceCommitsEachGroupAfterPretendingThemAll() {
        ManagerStack stack = stack();

        stack.enforce(List.of(group("workers", 2), group("group/db", 1)));

        assertThat(backend.calls).containsExactly("pretend workers {\"Size\":2}", "pretend db {\"Size\":1}",
                "pretend workers {\"Size\":2}", "commit workers {\"Size\":2}",
                "pretend db {\"Size\":1}", "commit db {\"Size\":1}");
        assertThat(stack.specs()).extracting(spec -> spec.metadata().name()).containsExactly("db", "workers");
        assertThat(stack.specs().get(0).version()).isEqualTo("Group/0.1.1");
        assertThat(stack.inspect()).extracting(object -> object.spec().metadata().id())
                .containsExactly("db", "workers");
    }

    @Test
    void aRefusedSpecStoresNothingEvenWhenListedAfterGoodOnes() {
        ManagerStack stack = stack();
        ObjectSpec invalid = ObjectSpec.of("group", "", Metadata.named("bad"), Any.parse("{\"Invalid\":\"no\"}"));

        assertThatThrownBy(() -> stack.enforce(List.of(group("workers", 2), invalid)))
                .isInstanceOf(InvalidSpecException.class).hasMessage("Invalid properties: no");

        assertThat(stack.specs()).isEmpty();
        assertThat(backend.calls).doesNotContain("commit workers {\"Size\":2}");
    }

    @Test
    void onlyGroupSpecsAreEnforced() {
        ObjectSpec resource = ObjectSpec.of("resource", "", Metadata.named("vpc"), Any.empty());

        assertThatThrownBy(() -> stack().enforce(List.of(resource)))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("kind: the manager enforces group specs only, got 'resource'");
    }

    @Test
    void terminateDestroysTheGroupsNamedAndForgetsThem() {
        ManagerStack stack = stack();
        stack.enforce(List.of(group("workers", 2), group("db", 1)));

        stack.terminate(List.of(group("workers", 2)));

        assertThat(backend.calls).contains("destroy workers");
        assertThat(stack.specs()).extracting(spec -> spec.metadata().name()).containsExactly("db");
    }

    private ManagerStack stack() {
        return new ManagerStack(new PersistingGroupPlugin(backend, "group-stateless", new FileSpecStore(configs),
                FileSpecStore.setAside(configs)), configs.resolve("group"));
    }

    private static ObjectSpec group(String name, int size) {
        return ObjectSpec.of("group", "Group/0.1.1", Metadata.named(name), Any.parse("{\"Size\":" + size + "}"));
    }
}
