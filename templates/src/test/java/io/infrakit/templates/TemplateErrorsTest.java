package io.infrakit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.infrakit.spi.InvalidSpecException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateErrorsTest {

    private final PlaybookTree tree;

    TemplateErrorsTest(@TempDir Path root) {
        tree = new PlaybookTree(root);
    }

    @Test
    void anUndefinedVariableIsNamedWithTheDefinedOnes() {
        tree.write("workers.json.ftl", "{\n".repeat(11) + "  \"Size\": ${size}\n");

        assertThatThrownBy(() -> tree.session().render(tree.path("workers.json.ftl"),
                Map.of("region", "eu", "image", "ubuntu")))
                .isInstanceOf(TemplateException.class)
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("workers.json.ftl:12:13: variable 'size' is not defined; defined: image, region");
    }

    @Test
    void aMissingHashKeyNamesTheExpression() {
        assertThatThrownBy(() -> tree.session().renderString("t.ftl", "${spec.Size}", tree.root(),
                Map.of("spec", Map.of("ID", "w"))))
                .hasMessage("t.ftl:1:3: 'spec.Size' is not defined");
    }

    @Test
    void aSyntaxErrorGivesFreemarkersFirstLineWithoutTips() {
        tree.write("broken.ftl", "ok\n<#if (size > 1)>big\n<#list>");

        assertThatThrownBy(() -> tree.session().render(tree.path("broken.ftl"), Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("broken.ftl:3:2: #list is an existing directive, but the tag is malformed.");
    }

    @Test
    void aTypeErrorIsOneLineNamingTheExpression() {
        assertThatThrownBy(() -> tree.session().renderString("t.ftl", "x\n${zones}", tree.root(),
                Map.of("zones", java.util.List.of("a"))))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("t.ftl:2:3: For \"${...}\" content: Expected a string")
                .hasMessageEndingWith("but this has evaluated to a sequence: zones")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anErrorInAnIncludedTemplateNamesThatTemplate() {
        tree.write("a/main.ftl", "main\n${include('../common/part.ftl')}");
        tree.write("common/part.ftl", "part\n\n  ${missing}");

        assertThatThrownBy(() -> tree.session().render(tree.path("a/main.ftl"), Map.of("image", "x")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("part.ftl:3:5: variable 'missing' is not defined; defined: image");
    }

    static Stream<Arguments> templatesThatFailInsideAnother() {
        return Stream.of(
                arguments(named("a syntax error in a sourced template", "${source('settings.ftl')}"),
                        "settings.ftl", "\n\n${", "settings.ftl:3:"),
                arguments(named("an error in a FreeMarker-included template", "<#include 'part.ftl'>"),
                        "part.ftl", "\n${1 + []}", "part.ftl:2:"));
    }

    @ParameterizedTest(name = "{0} is reported at that template")
    @MethodSource("templatesThatFailInsideAnother")
    void anErrorInANestedTemplateNamesThatTemplate(String main, String nested, String nestedText, String location) {
        tree.write("main.ftl", main);
        tree.write(nested, nestedText);

        assertThatThrownBy(() -> tree.session().render(tree.path("main.ftl"), Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(location)
                .hasMessageNotContaining("\n");
    }

    @Test
    void stopGivesItsReason() {
        assertThatThrownBy(() -> tree.session().renderString("t.ftl", "<#stop 'no region given'>", tree.root(),
                Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("t.ftl:1:1: ")
                .hasMessageContaining("no region given")
                .hasMessageNotContaining("\n");
    }
}
