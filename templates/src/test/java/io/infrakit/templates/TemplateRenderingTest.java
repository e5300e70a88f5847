package io.infrakit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.spi.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateRenderingTest {

    private final PlaybookTree tree;

    TemplateRenderingTest(@TempDir Path root) {
        tree = new PlaybookTree(root);
    }

    @Test
    void rendersAFileWithPlainJavaVariables() {
        tree.write("workers.json.ftl", """
                {"ID": "${id}", "Size": ${size}, "Spot": ${spot}, "Zones": [<#list zones as z>"${z}"<#sep>, </#list>], \
                "Image": "${instance.image}"}""");
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("id", "workers");
        vars.put("size", 1000);
        vars.put("spot", true);
        vars.put("zones", List.of("a", "b"));
        vars.put("instance", Map.of("image", "ubuntu"));

        Rendered rendered = tree.session().render(tree.path("workers.json.ftl"), vars);

        assertThat(rendered.name()).isEqualTo("workers.json.ftl");
        assertThat(rendered.text()).isEqualTo("""
                {"ID": "workers", "Size": 1000, "Spot": true, "Zones": ["a", "b"], "Image": "ubuntu"}""");
        assertThat(rendered.params()).isEmpty();
    }

    @Test
    void numbersRenderForComputersNotForReaders() {
        Rendered rendered = tree.session().renderString("n.ftl", "${big} ${fraction} ${1234567}", tree.root(),
                Map.of("big", 10_000_000_000L, "fraction", 0.25));

        assertThat(rendered.text()).isEqualTo("10000000000 0.25 1234567");
    }

    @Test
    void jacksonTreesArePlainMapsAndLists() throws Exception {
        JsonNode instance = Json.mapper().readTree("{\"Plugin\": \"qemu\", \"Tags\": [\"a\", \"b\"]}");

        Rendered rendered = tree.session().renderString("t.ftl",
                "${instance.Plugin} ${instance.Tags?join(',')} ${instance?keys?join(',')}", tree.root(),
                Map.of("instance", instance));

        assertThat(rendered.text()).isEqualTo("qemu a,b Plugin,Tags");
    }

    @Test
    void nullVariablesAreMissingValues() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("nothing", null);

        Rendered rendered = tree.session().renderString("t.ftl", "[${nothing!'default'}]", tree.root(), vars);

        assertThat(rendered.text()).isEqualTo("[default]");
    }

    @Test
    void javaObjectsThatAreNotDataAreRefused() {
        assertThatThrownBy(() -> tree.session().renderString("t.ftl", "${x}", tree.root(),
                Map.of("x", Map.of("thread", Thread.currentThread()))))
                .isInstanceOf(TemplateException.class)
                .hasMessage("variable 'x.thread': a Thread cannot be passed to a template; use strings, numbers,"
                        + " booleans, lists and maps");
    }

    @Test
    void relativeLocationsResolveAgainstTheWorkingDirectoryAndFileUrlsAreFiles() {
        tree.write("specs/a.ftl", "a=${v}");
        TemplateSession session = tree.session();

        assertThat(session.render("file://" + tree.path("specs/a.ftl"), Map.of("v", 1)).text()).isEqualTo("a=1");
        String relative = Path.of("").toAbsolutePath().relativize(tree.root().resolve("specs/a.ftl")).toString();
        assertThat(session.render(relative, Map.of("v", 2)).text()).isEqualTo("a=2");
    }

    @Test
    void strUrlsRenderTheirBody() {
        Rendered rendered = tree.session().render("str://hello ${name}", Map.of("name", "world"));

        assertThat(rendered.text()).isEqualTo("hello world");
        assertThat(rendered.name()).isEqualTo("str://hello ${name}");
    }

    @Test
    void otherUrlSchemesAreRefused() {
        assertThatThrownBy(() -> tree.session().render("ftp://example.com/x.ftl", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("unsupported URL scheme 'ftp' in ftp://example.com/x.ftl");
    }

    @Test
    void aMissingTemplateIsNamed() {
        assertThatThrownBy(() -> tree.session().render(tree.path("nope.ftl"), Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("'" + tree.root().resolve("nope.ftl") + "' does not exist");
    }

    @Test
    void renderStringIsNamedAsGivenAndResolvesAgainstItsBaseDirectory() {
        tree.write("specs/common.ftl", "common");

        Rendered rendered = tree.session().renderString("inline.json.ftl", "${include('common.ftl')}",
                tree.root().resolve("specs"), Map.of());

        assertThat(rendered.name()).isEqualTo("inline.json.ftl");
        assertThat(rendered.text()).isEqualTo("common");
    }

    @Test
    void anEditedTemplateIsRenderedAsItIsNow() {
        Path file = tree.write("t.ftl", "one");
        TemplateSession session = tree.session();
        assertThat(session.render(file.toString(), Map.of()).text()).isEqualTo("one");

        tree.write("t.ftl", "two, longer");

        assertThat(session.render(file.toString(), Map.of()).text()).isEqualTo("two, longer");
    }

    @Test
    void templatesRenderConcurrentlyFromOneTemplatesInstance() throws Exception {
        tree.write("t.ftl", "<#list 1..100 as i>${i + n}</#list>");
        Templates templates = tree.templates();
        List<Thread> threads = new ArrayList<>();
        String[] results = new String[8];
        for (int n = 0; n < results.length; n++) {
            int index = n;
            Thread thread = new Thread(() -> results[index] =
                    templates.session().render(tree.path("t.ftl"), Map.of("n", index)).text());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        for (int n = 0; n < results.length; n++) {
            StringBuilder expected = new StringBuilder();
            for (int i = 1; i <= 100; i++) {
                expected.append(i + n);
            }
            assertThat(results[n]).isEqualTo(expected.toString());
        }
    }

    @Test
    void aWarmRenderOfASmallTemplateTakesUnderFiveMilliseconds() {
        tree.write("common/zone.ftl", "\"Zone\": \"${zone}\"");
        tree.write("workers.json.ftl", """
                {"ID": "${id}", "Size": ${size}, ${include("common/zone.ftl")}}""");
        Templates templates = tree.templates();
        Map<String, Object> vars = Map.of("id", "w", "size", 3, "zone", "eu-1");
        templates.session().render(tree.path("workers.json.ftl"), vars);

        long[] nanos = new long[51];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            templates.session().render(tree.path("workers.json.ftl"), vars);
            nanos[i] = System.nanoTime() - start;
        }

        Arrays.sort(nanos);
        assertThat(nanos[nanos.length / 2]).isLessThan(5_000_000L);
    }
}
