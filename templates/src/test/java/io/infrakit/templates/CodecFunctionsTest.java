package io.infrakit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodecFunctionsTest {

    @TempDir
    Path root;

    private String render(String body, Map<String, ?> vars) {
        return new Templates(TemplatePolicy.confinedTo(root)).session().renderString("c.ftl", body, root, vars)
                .text();
    }

    @Test
    void jsonEncodeIndentsTwoSpacesLikeInfrakit() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("ID", "workers");
        spec.put("Tags", List.of("a", 1, true));
        spec.put("Empty", Map.of());
        spec.put("None", List.of());

        assertThat(render("${jsonEncode(spec)}", Map.of("spec", spec))).isEqualTo("""
                {
                  "ID": "workers",
                  "Tags": [
                    "a",
                    1,
                    true
                  ],
                  "Empty": {},
                  "None": []
                }""");
    }

    @Test
    void jsonEncodeKeepsTheOrderOfHashLiterals() {
        assertThat(render("${jsonEncode({'b': 1, 'a': [1.5, 'x'], 'c': {}})}", Map.of())).isEqualTo("""
                {
                  "b": 1,
                  "a": [
                    1.5,
                    "x"
                  ],
                  "c": {}
                }""");
    }

    @Test
    void jsonDecodeGivesValuesTemplatesCanUse() {
        String text = render("<#assign spec = jsonDecode(raw)>${spec.ID} ${spec.Size + 1} ${spec.Zones[1]}"
                + " ${spec.Spot?c}", Map.of("raw", "{\"ID\": \"w\", \"Size\": 2, \"Zones\": [\"a\", \"b\"], \"Spot\": false}"));

        assertThat(text).isEqualTo("w 3 b false");
    }

    @Test
    void yamlEncodeWritesBlockYamlWithoutADocumentMarker() {
        assertThat(render("${yamlEncode({'ID': 'w', 'Zones': ['a', 'b'], 'Size': 2})}", Map.of())).isEqualTo("""
                ID: w
                Zones:
                - a
                - b
                Size: 2
                """);
    }

    @Test
    void yamlDecodeGivesValuesTemplatesCanUse() {
        String text = render("<#assign spec = yamlDecode(raw)>${spec.ID} ${spec.Zones?join(',')} ${spec.Size * 2}",
                Map.of("raw", "ID: w\nZones: [a, b]\nSize: 4\n"));

        assertThat(text).isEqualTo("w a,b 8");
    }

    @Test
    void decodeErrorsSayWhere() {
        assertThatThrownBy(() -> render("${jsonDecode('{\"a\": }')}", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("c.ftl:1:3: jsonDecode(): invalid JSON: line 1, column 7: Unexpected character");
        assertThatThrownBy(() -> render("${yamlDecode('a: [b')}", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("c.ftl:1:3: yamlDecode(): invalid YAML: ");
    }

    @Test
    void sha256IsLowerCaseHex() {
        assertThat(render("${sha256('abc')}", Map.of()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void base64EncodesAndDecodesUtf8() {
        assertThat(render("${base64('hello wörld')} ${base64Decode('aGVsbG8gd8O2cmxk')}", Map.of()))
                .isEqualTo("aGVsbG8gd8O2cmxk hello wörld");
    }

    @Test
    void base64DecodeRefusesWhatIsNotBase64() {
        assertThatThrownBy(() -> render("${base64Decode('not base64!')}", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("c.ftl:1:3: base64Decode(): not base64: ");
    }

    @Test
    void aWrongNumberOfArgumentsIsAnError() {
        assertThatThrownBy(() -> render("${sha256('a', 'b')}", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("c.ftl:1:3: sha256() takes 1 argument, got 2");
        assertThatThrownBy(() -> render("${include()}", Map.of()))
                .hasMessage("c.ftl:1:3: include() takes 1 to 2 arguments, got 0");
    }

    @Test
    void aHashWhereAStringIsExpectedIsAnError() {
        assertThatThrownBy(() -> render("${sha256({'a': 1})}", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("c.ftl:1:3: sha256(): argument 1 must be a string");
    }
}
