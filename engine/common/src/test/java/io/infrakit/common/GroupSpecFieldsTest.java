package io.infrakit.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.Json;
import io.infrakit.spi.group.GroupSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupSpecFieldsTest {

    @Test
    void aMisspeltSectionIsRefusedAtItsLineAndColumnWithTheFieldItMeant() {
        String spec = """
                {"ID": "workers",
                 "Properties": {
                   "Alocation": {"Size": 2}}}
                """;
        assertThatThrownBy(() -> SpecText.read("workers.json", spec, GroupSpec.class))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("workers.json:3:4: unknown field 'Alocation'; did you mean 'Allocation'?");
    }

    @Test
    void everyLevelThatIsOursIsCheckedInYamlToo() {
        String spec = """
                ID: workers
                Properties:
                  Allocation: {Size: 2}
                  Updating:
                    MaxSurg: 1
                """;
        assertThatThrownBy(() -> SpecText.read("workers.yml", spec, GroupSpec.class))
                .hasMessage("workers.yml:5:5: unknown field 'MaxSurg'; did you mean 'MaxSurge'?");
    }

    @Test
    void aFieldNothingIsCloseToListsTheKnownOnes() {
        assertThatThrownBy(() -> SpecText.read("g.json", "{\"ID\": \"g\", \"Colour\": \"red\"}", GroupSpec.class))
                .hasMessage("g.json:1:13: unknown field 'Colour'; known: ID, Properties");
    }

    @Test
    void thePluginsOwnPropertiesAreLeftToThePlugins() {
        String spec = """
                {"ID": "workers", "Properties": {"Allocation": {"Size": 1},
                  "Instance": {"Plugin": "simulator", "Properties": {"Anything": [{"Goes": 1}]}},
                  "Flavor": {"Plugin": "vanilla", "Properties": {"Init": ["echo"], "Alocation": 1}}}}
                """;
        GroupSpec read = SpecText.read("workers.json", spec, GroupSpec.class);
        assertThat(read.properties().node().path("Instance").path("Properties").path("Anything").get(0).path("Goes").asInt())
                .isEqualTo(1);
    }

    @Test
    void aTreeWithoutPositionsNamesTheSpecPath() throws Exception {
        JsonNode tree = Json.mapper().readTree("{\"ID\": \"g\", \"Properties\": {\"Flavor\": {\"Plugn\": \"vanilla\"}}}");
        assertThatThrownBy(() -> SpecText.convert("play.star:4", tree, GroupSpec.class))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("play.star:4: Properties.Flavor: unknown field 'Plugn'; did you mean 'Plugin'?");
    }

    @Test
    void aSyntaxErrorIsStillReportedAsOne() {
        assertThatThrownBy(() -> SpecText.read("g.json", "{\"ID\": \"g\",, }", GroupSpec.class))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("g.json:1:12: ");
    }
}
