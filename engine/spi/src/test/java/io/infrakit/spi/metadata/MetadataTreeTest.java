package io.infrakit.spi.metadata;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and changing a metadata tree by path, with the rules of InfraKit's Updatable metadata. */
class MetadataTreeTest {

    private final MetadataTree tree = MetadataTree.of(Any.parse("""
            {"region": {"count": 3, "zones": ["a", "b"], "vpc": {"id": "vpc-1"}}, "empty": null, "name": "dev"}
            """));

    @Test
    void pathsAreCleanedAsGoCleansThem() {
        assertThat(MetadataPath.parse("")).isEqualTo(MetadataPath.ROOT);
        assertThat(MetadataPath.parse(".")).isEqualTo(MetadataPath.ROOT);
        assertThat(MetadataPath.parse("/a//b/./c/")).isEqualTo(new MetadataPath(List.of("a", "b", "c")));
        assertThat(MetadataPath.parse("a/b/../c").toString()).isEqualTo("a/c");
        assertThat(MetadataPath.ROOT.toString()).isEqualTo(".");
    }

    @Test
    void keysAreTheSortedChildrenAndAbsentWhenNothingIsThere() {
        assertThat(tree.keys(MetadataPath.ROOT)).contains(List.of("empty", "name", "region"));
        assertThat(tree.keys(MetadataPath.parse("region"))).contains(List.of("count", "vpc", "zones"));
        assertThat(tree.keys(MetadataPath.parse("region/zones"))).contains(List.of("[0]", "[1]"));
        assertThat(tree.keys(MetadataPath.parse("name"))).as("a plain value has no children").contains(List.of());
        assertThat(tree.keys(MetadataPath.parse("missing/path"))).isEqualTo(Optional.empty());
        assertThat(tree.keys(MetadataPath.parse("empty"))).as("null is nothing").isEqualTo(Optional.empty());
    }

    @Test
    void getAnswersTheValueTheWholeTreeAtTheRootAndNullWhenNothingIsThere() {
        assertThat(tree.get(MetadataPath.parse("region/vpc/id"))).isEqualTo(Any.of("vpc-1"));
        assertThat(tree.get(MetadataPath.parse("region/count"))).isEqualTo(Any.of(3));
        assertThat(tree.get(MetadataPath.parse("region/zones/[1]"))).isEqualTo(Any.of("b"));
        assertThat(tree.get(MetadataPath.parse("region/zones[-1]"))).isEqualTo(Any.of("b"));
        assertThat(tree.get(MetadataPath.ROOT)).isEqualTo(tree.toAny());
        assertThat(tree.get(MetadataPath.parse("region/nothing"))).isEqualTo(Any.empty());
        assertThat(tree.get(MetadataPath.parse("name/deeper"))).isEqualTo(Any.empty());
    }

    @Test
    void changesAreLaidOverTheTreeMergingObjectsAndReplacingOtherValues() {
        MetadataTree changed = tree.withChanges(List.of(
                MetadataChange.of("region/vpc/subnet", "s-1"),
                MetadataChange.of("region/count", 4),
                MetadataChange.of("region/zones", List.of("c")),
                MetadataChange.of("new/deep/value", true)));

        assertThat(changed.toAny()).isEqualTo(Any.parse("""
                {"region": {"count": 4, "zones": ["c"], "vpc": {"id": "vpc-1", "subnet": "s-1"}},
                 "empty": null, "name": "dev", "new": {"deep": {"value": true}}}
                """));
        assertThat(tree.get(MetadataPath.parse("region/count"))).as("the tree itself is unchanged")
                .isEqualTo(Any.of(3));
    }

    @Test
    void aValueReplacesAWholeSubtreeAndLaterChangesWin() {
        MetadataTree changed = tree.withChanges(List.of(
                MetadataChange.of("region", "gone"),
                MetadataChange.of("name", "first"),
                MetadataChange.of("name", "second")));

        assertThat(changed.get(MetadataPath.parse("region"))).isEqualTo(Any.of("gone"));
        assertThat(changed.get(MetadataPath.parse("name"))).isEqualTo(Any.of("second"));
    }

    @Test
    void anObjectAtTheRootIsMergedOverTheTree() {
        MetadataTree changed = tree.withChanges(List.of(
                new MetadataChange(MetadataPath.ROOT, Any.parse("{\"region\": {\"count\": 9}, \"extra\": 1}"))));

        assertThat(changed.get(MetadataPath.parse("region/count"))).isEqualTo(Any.of(9));
        assertThat(changed.get(MetadataPath.parse("region/vpc/id"))).isEqualTo(Any.of("vpc-1"));
        assertThat(changed.get(MetadataPath.parse("extra"))).isEqualTo(Any.of(1));
    }

    @Test
    void noChangesProposeTheSameTree() {
        assertThat(tree.withChanges(List.of())).isEqualTo(tree);
    }

    @Test
    void changesThatCannotBePlacedAreRefusedWithoutQuotingValues() {
        assertThatThrownBy(() -> tree.withChanges(List.of(MetadataChange.of(".", "secret-token"))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("can't apply change at .: the root must be an object, not a string");
        assertThatThrownBy(() -> tree.withChanges(List.of(MetadataChange.of("a", "secret-token"),
                MetadataChange.of("a/b", 1))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("can't apply change at a/b: an earlier change set a to a string");
        assertThatThrownBy(() -> tree.withChanges(List.of(MetadataChange.of("region/zones/[0]", "x"))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("can't apply change at region/zones/[0]: lists are not changed by index");
    }

    @Test
    void aTreeIsAnObjectOrNothing() {
        assertThat(MetadataTree.of(Any.empty())).isEqualTo(MetadataTree.empty());
        assertThatThrownBy(() -> MetadataTree.of(Any.parse("[1]")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("a metadata tree must be an object, not a list");
    }

    @Test
    void theFingerprintChangesWithEitherTreeAndNotWithKeyOrder() {
        Any original = Any.parse("{\"a\":1,\"b\":2}");
        Any proposed = Any.parse("{\"a\":1,\"b\":3}");
        String cas = MetadataTree.fingerprint(original, proposed);

        assertThat(MetadataTree.fingerprint(Any.parse("{\"b\":2,\"a\":1}"), proposed)).isEqualTo(cas);
        assertThat(MetadataTree.fingerprint(proposed, proposed)).isNotEqualTo(cas);
        assertThat(MetadataTree.fingerprint(original, original)).isNotEqualTo(cas);
    }

    @Test
    void itsTextNamesNoValue() {
        assertThat(MetadataTree.of(Any.parse("{\"password\":\"hunter2\"}")).toString()).doesNotContain("hunter2");
    }
}
