package io.infrakit.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAndEnvFunctionsTest {

    private final PlaybookTree tree;

    FileAndEnvFunctionsTest(@TempDir Path root) {
        tree = new PlaybookTree(root);
    }

    @Test
    void fileReadsTextRelativeToTheTemplateWithoutRenderingIt() {
        tree.write("specs/main.ftl", "[${file('../keys/id.pub')}]");
        tree.write("keys/id.pub", "ssh-ed25519 ${not rendered}");

        assertThat(tree.session().render(tree.path("specs/main.ftl"), Map.of()).text())
                .isEqualTo("[ssh-ed25519 ${not rendered}]");
    }

    @Test
    void fetchReadsPathsAndFileUrlsWithoutRenderingThem() {
        tree.write("specs/main.ftl", "${fetch('data.txt')}|${fetch('file://" + tree.path("specs/data.txt") + "')}");
        tree.write("specs/data.txt", "<#list x as y>");

        assertThat(tree.session().render(tree.path("specs/main.ftl"), Map.of()).text())
                .isEqualTo("<#list x as y>|<#list x as y>");
    }

    @Test
    void fileReadsOnlyLocalFiles() {
        assertThatThrownBy(() -> tree.session().renderString("t.ftl", "${file('http://example.com/x')}", tree.root(),
                Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t.ftl:1:3: file(): 'http://example.com/x' is not a local file");
    }

    @Test
    void filesInAnyReadableRootCanBeRead(@TempDir Path home) {
        new PlaybookTree(home).write("defaults.yml", "region: eu");
        String body = "${file(home + '/defaults.yml')}";
        Map<String, String> vars = Map.of("home", home.toString());

        Rendered rendered = new Templates(TemplatePolicy.confinedTo(tree.root(), home)).session()
                .renderString("t.ftl", body, tree.root(), vars);

        assertThat(rendered.text()).isEqualTo("region: eu");
        assertThatThrownBy(() -> tree.session().renderString("t.ftl", body, tree.root(), vars))
                .hasMessage("t.ftl:1:3: '" + home.resolve("defaults.yml") + "' is outside the playbook tree");
    }

    @Test
    void envReadsThePolicysEnvironmentWhenAllowed() {
        TemplatePolicy policy = TemplatePolicy.confinedTo(tree.root()).allowingEnv(Map.of("REGION", "eu-west-1"));
        TemplateSession session = new Templates(policy).session();

        Rendered rendered = session.renderString("t.ftl", "${env('REGION')} [${env('MISSING')}] ${env('ZONE', 'a')}",
                tree.root(), Map.of());

        assertThat(rendered.text()).isEqualTo("eu-west-1 [] a");
    }

    @Test
    void envIsRefusedUnlessTheTemplateIsTrusted() {
        assertThatThrownBy(() -> tree.session().renderString("t.ftl", "${env('HOME')}", tree.root(), Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t.ftl:1:3: env() is not allowed here: the playbook is not trusted to read the"
                        + " environment");
    }

    @Test
    void networkIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> tree.session().renderString("t.ftl", "${fetch('http://127.0.0.1:9/x')}", tree.root(),
                Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t.ftl:1:3: network access is not allowed: http://127.0.0.1:9/x");
        assertThatThrownBy(() -> tree.session().render("https://127.0.0.1:9/x.ftl", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("network access is not allowed: https://127.0.0.1:9/x.ftl");
    }

    @Test
    void policiesStartClosed() {
        TemplatePolicy policy = TemplatePolicy.confinedTo(tree.root());

        assertThat(policy.envAllowed()).isFalse();
        assertThat(policy.networkAllowed()).isFalse();
        assertThat(policy.env()).isEmpty();
        assertThat(policy.allowingNetwork().networkAllowed()).isTrue();
        assertThat(policy.allowingEnv(Map.of("A", "1")).env()).containsEntry("A", "1");
    }
}
