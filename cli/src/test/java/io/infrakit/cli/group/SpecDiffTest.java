package io.infrakit.cli.group;

import io.infrakit.cli.group.SpecDiff.Change;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The field-by-field diff that {@code group commit --pretend} shows to explain a rollout. */
class SpecDiffTest {

    private static final String COMMITTED = """
            {"Allocation": {"Size": 3},
             "Instance": {"Plugin": "qemu", "Properties": {"Image": "a", "Memory": 256, "Ports": [22, 80]}},
             "Flavor": {"Plugin": "vanilla", "Properties": {"Init": ["echo hi"]}}}""";

    @Test
    void equalSpecsHaveNoChanges() {
        assertThat(SpecDiff.between(Any.parse(COMMITTED), Any.parse(COMMITTED))).isEmpty();
    }

    @Test
    void aChangedLeafIsShownWithItsPathAndBothValues() {
        List<Change> changes = SpecDiff.between(Any.parse(COMMITTED),
                Any.parse(COMMITTED.replace("\"Image\": \"a\"", "\"Image\": \"b\"")));

        assertThat(SpecDiff.lines(changes)).isEqualTo("  Instance.Properties.Image: \"a\" -> \"b\"\n");
    }

    @Test
    void addedAndRemovedFieldsAreNamedAsSuch() {
        String proposed = COMMITTED.replace("\"Memory\": 256, ", "").replace("\"Plugin\": \"vanilla\"",
                "\"Plugin\": \"vanilla\", \"Tags\": {\"tier\": \"web\"}");

        assertThat(SpecDiff.lines(SpecDiff.between(Any.parse(COMMITTED), Any.parse(proposed)))).isEqualTo("""
                  Instance.Properties.Memory: removed 256
                  Flavor.Tags: added {"tier":"web"}
                """);
    }

    @Test
    void listsAreComparedByIndexAndGrowOrShrinkAtTheirEnd() {
        String grown = COMMITTED.replace("[22, 80]", "[22, 8080, 443]");
        String shrunk = COMMITTED.replace("[22, 80]", "[22]");

        assertThat(SpecDiff.lines(SpecDiff.between(Any.parse(COMMITTED), Any.parse(grown)))).isEqualTo("""
                  Instance.Properties.Ports[1]: 80 -> 8080
                  Instance.Properties.Ports[2]: added 443
                """);
        assertThat(SpecDiff.lines(SpecDiff.between(Any.parse(COMMITTED), Any.parse(shrunk))))
                .isEqualTo("  Instance.Properties.Ports[1]: removed 80\n");
    }

    @Test
    void aValueOfAnotherTypeIsOneChange() {
        String proposed = COMMITTED.replace("{\"Init\": [\"echo hi\"]}", "\"none\"");

        assertThat(SpecDiff.lines(SpecDiff.between(Any.parse(COMMITTED), Any.parse(proposed))))
                .isEqualTo("  Flavor.Properties: {\"Init\":[\"echo hi\"]} -> \"none\"\n");
    }

    @Test
    void aKeyThatIsNotAPlainNameIsQuotedAndControlCharactersAreEscaped() {
        Any before = Any.parse("{\"Tags\": {\"a.b\": \"x\"}}");
        Any after = Any.parse("{\"Tags\": {\"a.b\": \"y\\u001b[31m\"}}");

        assertThat(SpecDiff.lines(SpecDiff.between(before, after)))
                .isEqualTo("  Tags[\"a.b\"]: \"x\" -> \"y\\u001B[31m\"\n");
    }

    @Test
    void nothingCommittedBeforeMakesEveryTopLevelFieldAnAddition() {
        assertThat(SpecDiff.between(Any.empty(), Any.parse("{\"Allocation\": {\"Size\": 1}}")))
                .extracting(Change::line).containsExactly("Allocation: added {\"Size\":1}");
    }

    @Test
    void asJsonEachChangeHasItsPathKindAndValues() throws Exception {
        List<Change> changes = SpecDiff.between(Any.parse(COMMITTED),
                Any.parse(COMMITTED.replace("\"Size\": 3", "\"Size\": 5").replace("\"Memory\": 256, ", "")));

        assertThat(Json.mapper().writeValueAsString(changes)).isEqualTo("["
                + "{\"Path\":\"Allocation.Size\",\"Change\":\"changed\",\"Old\":3,\"New\":5},"
                + "{\"Path\":\"Instance.Properties.Memory\",\"Change\":\"removed\",\"Old\":256}]");
    }
}
