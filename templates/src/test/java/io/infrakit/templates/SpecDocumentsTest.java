package io.infrakit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecDocumentsTest {

    @TempDir
    Path root;

    @Test
    void renderedJsonParses() {
        PlaybookTree tree = new PlaybookTree(root);
        tree.write("workers.json.ftl", """
                {
                  "ID": "${id}",
                  "Properties": {"Allocation": {"Size": ${size}}, "Instance": ${jsonEncode(instance)}}
                }
                """);
        Rendered rendered = tree.session().render(tree.path("workers.json.ftl"),
                Map.of("id", "workers", "size", 3, "instance", Map.of("Plugin", "simulator")));

        JsonNode spec = SpecDocuments.parse(rendered.name(), rendered.text());

        assertThat(spec.at("/ID").asText()).isEqualTo("workers");
        assertThat(spec.at("/Properties/Allocation/Size").asInt()).isEqualTo(3);
        assertThat(spec.at("/Properties/Instance/Plugin").asText()).isEqualTo("simulator");
    }

    @Test
    void renderedYamlParses() {
        PlaybookTree tree = new PlaybookTree(root);
        tree.write("workers.yml.ftl", """
                ID: ${id}
                Properties:
                  Allocation:
                    LogicalIDs:
                <#list ids as id>
                    - ${id}
                </#list>
                """);
        Rendered rendered = tree.session().render(tree.path("workers.yml.ftl"),
                Map.of("id", "managers", "ids", java.util.List.of("m1", "m2")));

        JsonNode spec = SpecDocuments.parse(rendered.name(), rendered.text());

        assertThat(spec.at("/ID").asText()).isEqualTo("managers");
        assertThat(spec.at("/Properties/Allocation/LogicalIDs/1").asText()).isEqualTo("m2");
    }

    @Test
    void invalidJsonIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> SpecDocuments.parse("workers.json.ftl", "{\n  \"ID\": \"w\",\n  \"Size\": }"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("workers.json.ftl: rendered output is not valid JSON: line 3, column 11: "
                        + "Unexpected character ('}'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void trailingTextAfterJsonIsInvalid() {
        assertThatThrownBy(() -> SpecDocuments.parse("w.json", "{\"ID\": \"w\"} }"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("w.json: rendered output is not valid JSON: line 1, column 13: ");
    }

    @Test
    void invalidYamlIsReportedWithLineAndColumn() {
        assertThatThrownBy(() -> SpecDocuments.parse("workers.yml.ftl", "ID: w\nSize: [3\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("workers.yml.ftl: rendered output is not valid YAML: line 2, column 9: expected ',' or"
                        + " ']', but got <stream end> (while parsing a flow sequence)");
    }

    @Test
    void duplicateKeysAreInvalid() {
        assertThatThrownBy(() -> SpecDocuments.parse("w.yml", "ID: a\nID: b\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Duplicate field 'ID'");
    }

    @Test
    void emptyOutputIsNotASpec() {
        assertThatThrownBy(() -> SpecDocuments.parse("w.yml", "  \n"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("w.yml: rendered output is empty");
    }
}
