package io.infrakit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParamTest {

    @TempDir
    Path root;

    private Rendered render(String body, Map<String, ?> vars) {
        return new Templates(TemplatePolicy.confinedTo(root)).session().renderString("p.ftl", body, root, vars);
    }

    @Test
    void givenValuesAreConvertedToTheDeclaredType() {
        Rendered rendered = render("""
                <#assign size = param('size', 'int', 1)>${size + 1} \
                <#assign ratio = param('ratio', 'float', 0.5)>${ratio * 2} \
                <#assign spot = param('spot', 'bool', false)>${spot?then('spot', 'on-demand')} \
                <#assign zones = param('zones', 'list', [])>${zones?size}:${zones?join('|')} \
                <#assign name = param('name', 'string', 'x')>${name?length}""",
                Map.of("size", "3", "ratio", "1.5", "spot", "true", "zones", "a, b", "name", 12345));

        assertThat(rendered.text()).isEqualTo("4 3 spot 2:a|b 5");
    }

    @Test
    void defaultsApplyWhenTheVariableIsMissing() {
        Rendered rendered = render("${param('size', 'int', '2') * 10} ${param('zones', 'list', ['x'])?join(',')}",
                Map.of());

        assertThat(rendered.text()).isEqualTo("20 x");
    }

    @Test
    void declaredParamsAreListedInOrderWithConvertedDefaults() {
        Rendered rendered = render("""
                ${param('size', 'int', 3, 'how many workers')}${param('image', 'string', 'ubuntu')}\
                ${param('key', 'string')}${param('size', 'int', 9)}""", Map.of("key", "k"));

        assertThat(rendered.params()).containsExactly(
                new TemplateParam("size", "int", 3L, "how many workers"),
                new TemplateParam("image", "string", "ubuntu", ""),
                new TemplateParam("key", "string", null, ""));
        assertThat(rendered.params().get(2).required()).isTrue();
    }

    @Test
    void paramsOfIncludedTemplatesAreListedToo() {
        new PlaybookTree(root).write("part.ftl", "${param('zone', 'string', 'eu')}");

        Rendered rendered = render("${param('size', 'int', 1)}${include('part.ftl')}", Map.of());

        assertThat(rendered.params()).extracting(TemplateParam::name).containsExactly("size", "zone");
    }

    @Test
    void aRequiredParamWithoutAValueIsAnError() {
        assertThatThrownBy(() -> render("\n${param('key', 'string')}", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("p.ftl:2:3: parameter 'key' (string) is required");
    }

    @Test
    void aValueThatDoesNotConvertIsAnError() {
        assertThatThrownBy(() -> render("${param('size', 'int', 1)}", Map.of("size", "three")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("p.ftl:1:3: parameter 'size' (int): cannot convert 'three' to int");
        assertThatThrownBy(() -> render("${param('size', 'int', 1)}", Map.of("size", 2.5)))
                .hasMessage("p.ftl:1:3: parameter 'size' (int): cannot convert '2.5' to int");
        assertThatThrownBy(() -> render("${param('on', 'bool', true)?c}", Map.of("on", "maybe")))
                .hasMessage("p.ftl:1:3: parameter 'on' (bool): cannot convert 'maybe' to bool");
    }

    @Test
    void anUnknownTypeIsAnError() {
        assertThatThrownBy(() -> render("${param('size', 'integer', 1)}", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("p.ftl:1:3: unknown parameter type 'integer'; types: string, int, float, bool, list");
    }

    @Test
    void listsPassThroughAsLists() {
        Rendered rendered = render("${param('zones', 'list')?join(',')}", Map.of("zones", List.of("a", "b")));

        assertThat(rendered.text()).isEqualTo("a,b");
    }
}
