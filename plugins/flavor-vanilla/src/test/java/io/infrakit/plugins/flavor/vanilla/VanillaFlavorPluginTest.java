package io.infrakit.plugins.flavor.vanilla;

import io.infrakit.spi.Any;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.flavor.Health;
import io.infrakit.spi.group.Allocation;
import io.infrakit.spi.group.Index;
import io.infrakit.spi.instance.Attachment;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.spi.instance.LogicalId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VanillaFlavorPluginTest {

    private static final Allocation ALLOCATION = Allocation.ofSize(3);
    private static final Index INDEX = new Index("workers", 1);

    private final VanillaFlavorPlugin flavor = new VanillaFlavorPlugin();

    @TempDir
    Path directory;

    @Test
    void initLinesComeAfterTheSpecsOwnInit() {
        InstanceSpec prepared = prepare("{\"Init\": [\"apt-get update\", \"apt-get install -y nginx\"]}",
                spec("echo base"));

        assertThat(prepared.init()).isEqualTo("echo base\napt-get update\napt-get install -y nginx");
    }

    @Test
    void withoutAnInitOfItsOwnTheSpecGetsJustTheLines() {
        InstanceSpec prepared = prepare("{\"Init\": [\"a\", \"b\"]}", spec(""));

        assertThat(prepared.init()).isEqualTo("a\nb");
    }

    @Test
    void withoutInitPropertiesTheSpecsInitStays() {
        assertThat(prepare("{}", spec("echo base")).init()).isEqualTo("echo base");
        assertThat(prepare("{\"Init\": []}", spec("")).init()).isEmpty();
    }

    @Test
    void aStrTemplateUrlGivesItsTextAsTheInitScript() {
        InstanceSpec prepared =
                prepare("{\"InitScriptTemplateURL\": \"str://#!/bin/sh\\necho hi\"}", spec("echo base"));

        assertThat(prepared.init()).isEqualTo("echo base\n#!/bin/sh\necho hi");
    }

    @Test
    void aFileTemplateIsReadAsPlainTextWithoutRendering() throws IOException {
        Path script = Files.writeString(directory.resolve("init.sh"), "echo {{ var \"name\" }} ${user}\n");

        InstanceSpec prepared = prepare(
                "{\"InitScriptTemplateURL\": \"" + script.toUri() + "\"}", spec(""));

        assertThat(prepared.init()).isEqualTo("echo {{ var \"name\" }} ${user}\n");
    }

    @Test
    void anEmptyInitListAndATemplateUrlAreNotBoth() {
        assertThatCode(() -> validate("{\"Init\": [], \"InitScriptTemplateURL\": \"str://echo\"}"))
                .doesNotThrowAnyException();
    }

    @Test
    void theFlavorsTagsAreMergedAndWin() {
        InstanceSpec spec = InstanceSpec.of(Any.empty(), Map.of("infrakit.group", "workers", "tier", "old"));

        InstanceSpec prepared = prepare("{\"Tags\": {\"tier\": \"web\", \"team\": \"ops\"}}", spec);

        assertThat(prepared.tags()).containsExactlyInAnyOrderEntriesOf(
                Map.of("infrakit.group", "workers", "tier", "web", "team", "ops"));
    }

    @Test
    void theFlavorsAttachmentsComeAfterTheSpecs() {
        InstanceSpec spec = spec("").withAttachments(List.of(new Attachment("vol-0", "ebs")));

        InstanceSpec prepared = prepare("{\"Attachments\": [{\"ID\": \"vol-1\", \"Type\": \"ebs\"}]}", spec);

        assertThat(prepared.attachments())
                .containsExactly(new Attachment("vol-0", "ebs"), new Attachment("vol-1", "ebs"));
    }

    @Test
    void prepareLeavesPropertiesAndLogicalIdAlone() {
        InstanceSpec spec = new InstanceSpec(Any.parse("{\"image\": \"alpine\"}"), Map.of(), "",
                LogicalId.of("10.0.0.1"), List.of());

        InstanceSpec prepared = prepare("{\"Init\": [\"x\"]}", spec);

        assertThat(prepared.properties()).isEqualTo(spec.properties());
        assertThat(prepared.logicalId()).isEqualTo(LogicalId.of("10.0.0.1"));
    }

    @Test
    void emptyPropertiesChangeNothing() {
        InstanceSpec spec = InstanceSpec.of(Any.empty(), Map.of("a", "b")).withInit("echo");

        assertThat(flavor.prepare(Any.empty(), spec, ALLOCATION, INDEX)).isEqualTo(spec);
        assertThatCode(() -> flavor.validate(Any.empty(), ALLOCATION)).doesNotThrowAnyException();
    }

    @Test
    void eachMemberGetsWhatItsOwnPropertiesSayEvenWhenTheyChangeBetweenMembers() {
        String first = "{\"Init\": [\"one\"], \"Tags\": {\"tier\": \"web\"}}";
        String second = "{\"Init\": [\"two\"], \"Tags\": {\"tier\": \"db\"}}";

        assertThat(prepare(first, spec("")).init()).isEqualTo("one");
        assertThat(prepare(first, spec("")).tags()).containsEntry("tier", "web");
        assertThat(prepare(second, spec("")).init()).isEqualTo("two");
        assertThat(prepare(second, spec("")).tags()).containsEntry("tier", "db");
        assertThat(prepare(first, spec("")).init()).isEqualTo("one");
        assertThatThrownBy(() -> prepare("{\"Init\": 5}", spec(""))).isInstanceOf(InvalidSpecException.class);
        assertThatThrownBy(() -> prepare("{\"Init\": 5}", spec(""))).isInstanceOf(InvalidSpecException.class);
    }

    @Test
    void bothInitAndTemplateUrlIsRejectedWithInfrakitsMessage() {
        String both = "{\"Init\": [\"echo\"], \"InitScriptTemplateURL\": \"str://echo\"}";

        assertThatThrownBy(() -> validate(both))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Either \"Init\" or \"InitScriptTemplateURL\" can be specified but not both");
        assertThatThrownBy(() -> prepare(both, spec("")))
                .hasMessage("Either \"Init\" or \"InitScriptTemplateURL\" can be specified but not both");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"Init\": \"echo hi\"}                      | \"Init\" must be a list of strings",
        "{\"Init\": [\"echo\", 1]}                    | \"Init\" must be a list of strings",
        "{\"InitScriptTemplateURL\": 5}               | \"InitScriptTemplateURL\" must be a string",
        "{\"Tags\": [\"a\"]}                          | \"Tags\" must be an object of string values",
        "{\"Tags\": {\"replicas\": 3}}                | \"Tags\" must be an object of string values",
        "{\"Attachments\": {\"ID\": \"v\"}}           | \"Attachments\" must be a list",
        "{\"Attachments\": [{\"ID\": \"v\"}]}         | \"Attachments\" must be a list",
        "{\"Attachments\": [{\"ID\": \"v\", \"Type\": \"ebs\", \"Size\": 1}]} | \"Attachments\" must be a list",
        "{\"Size\": 3}                                | unknown vanilla flavor property \"Size\"; known properties",
        "{\"init\": [\"echo\"]}       | unknown vanilla flavor property \"init\" (did you mean \"Init\"?)",
        "[\"echo\"]                                   | vanilla flavor properties must be a JSON object"
    })
    void unknownOrMistypedPropertiesAreRejectedByName(String properties, String message) {
        assertThatThrownBy(() -> validate(properties))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anUnreadableTemplateUrlFailsValidationNamingTheUrl() {
        String missing = directory.resolve("missing.sh").toUri().toString();

        assertThatThrownBy(() -> validate("{\"InitScriptTemplateURL\": \"" + missing + "\"}"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("cannot read InitScriptTemplateURL \"" + missing + "\": no such file");
        assertThatThrownBy(() -> validate("{\"InitScriptTemplateURL\": \"https://example.com/init.sh\"}"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("\"https://example.com/init.sh\"");
        assertThatThrownBy(() -> validate("{\"InitScriptTemplateURL\": \"file:init.sh\"}"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("\"file:init.sh\"");
    }

    @Test
    void everyInstanceIsHealthyAndDrainDoesNothing() {
        InstanceDescription instance = new InstanceDescription(InstanceId.of("i-1"), null, Map.of(), Any.empty());

        assertThat(flavor.healthy(Any.empty(), instance)).isEqualTo(Health.HEALTHY);
        assertThatCode(() -> flavor.drain(Any.empty(), instance)).doesNotThrowAnyException();
    }

    private InstanceSpec prepare(String properties, InstanceSpec spec) {
        return flavor.prepare(Any.parse(properties), spec, ALLOCATION, INDEX);
    }

    private void validate(String properties) {
        flavor.validate(Any.parse(properties), ALLOCATION);
    }

    private static InstanceSpec spec(String init) {
        return InstanceSpec.of(Any.empty(), Map.of("infrakit.group", "workers")).withInit(init);
    }
}
