package io.infrakit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeAndSourceTest {

    private final PlaybookTree tree;

    IncludeAndSourceTest(@TempDir Path root) {
        tree = new PlaybookTree(root);
    }

    @Test
    void includesResolveAgainstTheIncludingTemplatesDirectory() {
        tree.write("a/b/main.ftl", "main(${include('../common/x.ftl')})");
        tree.write("a/common/x.ftl", "x(${include('y.ftl')})");
        tree.write("a/common/y.ftl", "y");

        assertThat(tree.session().render(tree.path("a/b/main.ftl"), Map.of()).text()).isEqualTo("main(x(y))");
    }

    @Test
    void freemarkerIncludeAndImportDirectivesResolveTheSameWay() {
        tree.write("a/b/main.ftl", "<#import '../common/lib.ftl' as lib>main(<#include '../common/x.ftl'>)"
                + "<@lib.shout 'hi'/>");
        tree.write("a/common/x.ftl", "x(<#include 'y.ftl'>)");
        tree.write("a/common/y.ftl", "y");
        tree.write("a/common/lib.ftl", "<#macro shout word>${word?upper_case}</#macro>");

        assertThat(tree.session().render(tree.path("a/b/main.ftl"), Map.of()).text()).isEqualTo("main(x(y))HI");
    }

    @Test
    void anIncludedTemplateSeesTheCallersVariablesWithTheGivenHashMergedOver() {
        tree.write("main.ftl", "${include('part.ftl', {'size': 5})} ${include('part.ftl')}");
        tree.write("part.ftl", "${image}:${size}");

        String text = tree.session().render(tree.path("main.ftl"), Map.of("image", "ubuntu", "size", 3)).text();

        assertThat(text).isEqualTo("ubuntu:5 ubuntu:3");
    }

    @Test
    void whatAnIncludedTemplateAssignsStaysInside() {
        tree.write("main.ftl", "${include('part.ftl')}[${assigned!'-'} ${global!'-'} ${var('zone')}]");
        tree.write("part.ftl", "<#assign assigned = 'a'><#global global = 'g'>${var('zone', 'inner')}"
                + "part sees ${var('zone')};");

        TemplateSession session = tree.session();
        String text = session.renderString("setup", "${var('zone', 'outer')}", tree.root(), Map.of()).text()
                + session.render(tree.path("main.ftl"), Map.of()).text();

        assertThat(text).isEqualTo("part sees inner;[- - outer]");
    }

    @Test
    void aSourcedTemplateRunsInTheCallersScope() {
        tree.write("main.ftl", "${source('settings.ftl')}[${assigned} ${global} ${var('zone')}]");
        tree.write("settings.ftl", "<#assign assigned = 'a'><#global global = 'g'>${var('zone', 'eu')}sourced;");

        assertThat(tree.session().render(tree.path("main.ftl"), Map.of()).text()).isEqualTo("sourced;[a g eu]");
    }

    @Test
    void includeAndSourceRenderStrUrls() {
        String text = tree.session().renderString("t.ftl",
                "${include(r'str://[${x}]', {'x': 1})}${source('str://<#assign y = 2>')}${y}", tree.root(), Map.of())
                .text();

        assertThat(text).isEqualTo("[1]2");
    }

    @Test
    void anIncludeOfAMissingTemplateIsReportedAtTheCall() {
        tree.write("main.ftl", "line one\n  ${include('missing.ftl')}");

        assertThatThrownBy(() -> tree.session().render(tree.path("main.ftl"), Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("main.ftl:2:5: '" + tree.root().resolve("missing.ftl") + "' does not exist");
    }

    @Test
    void includesNestAtMostThirtyTwoDeep() {
        for (int level = 0; level < 33; level++) {
            tree.write("level" + level + ".ftl", "${include('level" + (level + 1) + ".ftl')}");
        }
        tree.write("level33.ftl", "bottom");
        tree.write("level32.ftl", "bottom");

        assertThat(tree.session().render(tree.path("level0.ftl"), Map.of()).text()).isEqualTo("bottom");
        tree.write("level32.ftl", "${include('level33.ftl')}");
        assertThatThrownBy(() -> tree.session().render(tree.path("level0.ftl"), Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("level32.ftl:1:3: include depth exceeds 32");
    }
}
