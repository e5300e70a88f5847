package io.infrakit.templates;

import io.infrakit.common.SpecText;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.group.GroupSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An error in a template's output is named at the template's line and column, which the user can edit. */
class SourceMapTest {

    @TempDir
    Path root;

    @Test
    void aMisspeltFieldIsNamedAtTheTemplatesLineNotTheRenderedOnes() {
        PlaybookTree tree = new PlaybookTree(root);
        tree.write("workers.json.ftl", """
                <#-- the workers: a line the output does not have -->
                {
                  "ID": "${id}",
                <#if big>
                  "Properties": {"Alocation": {"Size": ${size}}}
                </#if>
                }
                """);
        Rendered rendered = tree.session().render(tree.path("workers.json.ftl"),
                Map.of("id", "workers", "size", 3, "big", true));

        assertThat(rendered.text().lines().toList()).element(2).asString().startsWith("  \"Properties\"");
        assertThatThrownBy(() -> SpecText.read("workers.json.ftl", rendered.text(), GroupSpec.class,
                rendered.positions("workers.json.ftl")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("workers.json.ftl:5:18: unknown field 'Alocation'; did you mean 'Allocation'?");
    }

    @Test
    void invalidJsonIsNamedAtTheTemplatesLineAndColumn() {
        PlaybookTree tree = new PlaybookTree(root);
        tree.write("workers.json.ftl", """
                <#-- no comma after the size -->
                {
                  "ID": "${id}",
                  "Size": ${size}
                  "Note": "x"
                }
                """);
        Rendered rendered = tree.session().render(tree.path("workers.json.ftl"), Map.of("id", "w", "size", 3));

        assertThatThrownBy(() -> SpecDocuments.parse("workers.json.ftl", rendered))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("workers.json.ftl:5:3: rendered output is not valid JSON: Unexpected character")
                .hasMessageNotContaining("\n");
    }

    @Test
    void whatAnInterpolationWroteIsNamedWhereTheInterpolationStarts() {
        PlaybookTree tree = new PlaybookTree(root);
        tree.write("workers.json.ftl", """
                {
                  "ID": "${id}",
                  "Size": ${size}
                }
                """);
        Rendered rendered = tree.session().render(tree.path("workers.json.ftl"), Map.of("id", "w", "size", "3 4"));

        assertThatThrownBy(() -> SpecDocuments.parse("workers.json.ftl", rendered))
                .hasMessageStartingWith("workers.json.ftl:3:11: rendered output is not valid JSON: ");
    }
}
