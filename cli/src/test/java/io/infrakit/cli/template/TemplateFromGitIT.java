package io.infrakit.cli.template;

import io.infrakit.cli.Main;
import io.infrakit.testkit.git.GitServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code template render git::URL//PATH#REF} against a real {@code git daemon}: includes across the repository's
 * directories, a ref picks the commit, the first fetch is kept (offline too) until {@code --refresh}, and bad
 * refs, hosts and paths are one line with the right exit code.
 */
class TemplateFromGitIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    private GitServer server;
    private Path tree;
    private String url;

    @BeforeEach
    void publishTemplates() throws IOException {
        server = GitServer.start(work.resolve("git"));
        tree = Files.createDirectories(work.resolve("tree"));
        Files.createDirectories(tree.resolve("groups"));
        Files.createDirectories(tree.resolve("common"));
        Files.writeString(tree.resolve("groups/web.json.ftl"),
                "{\"ID\": \"web\", \"Properties\": {\"Allocation\": {\"Size\": ${size}}, "
                        + "\"Flavor\": ${include('../common/flavor.json.ftl')}}}\n");
        Files.writeString(tree.resolve("common/flavor.json.ftl"), "{\"Plugin\": \"vanilla\", \"Note\": \"v1\"}");
        url = server.publish(tree, "templates");
        tag("v1");
    }

    @AfterEach
    void stopServing() {
        server.close();
    }

    @Test
    void aTemplateInARepositoryRendersWithIncludesAcrossItsDirectories() {
        Run rendered = run("template", "render", "git::" + url + "//groups/web.json.ftl#v1", "--var", "size=3",
                "-o", "json");

        assertThat(rendered.exitCode()).as(rendered.err()).isZero();
        assertThat(rendered.out()).contains("\"Size\" : 3", "\"Note\" : \"v1\"");
        assertThat(home.resolve("cache/templates/playbooks.lock")).content().contains("templates.git");
    }

    @Test
    void theFirstFetchIsKeptOfflineUntilRefreshMovesItToWhatTheRefNamesNow() throws IOException {
        String template = url + "//groups/web.json.ftl";
        assertThat(run("template", "render", template, "--var", "size=1").out()).contains("\"Note\": \"v1\"");
        Files.writeString(tree.resolve("common/flavor.json.ftl"), "{\"Plugin\": \"vanilla\", \"Note\": \"v2\"}");
        commit("v2 of the flavor");

        assertThat(run("template", "render", template, "--var", "size=1").out()).contains("\"Note\": \"v1\"");
        assertThat(run("template", "render", template, "--var", "size=1", "--refresh").out())
                .contains("\"Note\": \"v2\"");
        assertThat(run("template", "render", "git::" + url + "//groups/web.json.ftl#v1", "--var", "size=1").out())
                .contains("\"Note\": \"v1\"");

        server.stop();
        Run offline = run("template", "render", template, "--var", "size=1");
        assertThat(offline.exitCode()).as(offline.err()).isZero();
        assertThat(offline.out()).contains("\"Note\": \"v2\"");
    }

    @Test
    void badRefsPathsAndHostsAreOneLineWithTheirExitCodes() {
        Run unknownRef = run("template", "render", "git::" + url + "//groups/web.json.ftl#v9");
        assertThat(unknownRef.exitCode()).isEqualTo(5);
        assertThat(unknownRef.err().strip()).contains("v9").doesNotContain("\tat ");
        assertThat(unknownRef.err().lines()).hasSize(1);

        Run noFile = run("template", "render", "git::" + url + "//groups/db.json.ftl#v1");
        assertThat(noFile.exitCode()).isEqualTo(3);
        assertThat(noFile.err().strip()).contains("no file groups/db.json.ftl in ", "at commit ");

        Run noPath = run("template", "render", "git::" + url + "#v1");
        assertThat(noPath.exitCode()).isEqualTo(3);
        assertThat(noPath.err().strip()).contains("name the template inside the repository with //PATH");

        Run unreachable = run("template", "render", "git://127.0.0.1:1/nothing.git//web.json.ftl");
        assertThat(unreachable.exitCode()).isEqualTo(5);
        assertThat(unreachable.err().lines()).hasSize(1);
    }

    private void tag(String name) {
        server.git().run(served(), "tag", name);
    }

    private void commit(String message) {
        String workTree = "--work-tree=" + tree.toAbsolutePath();
        server.git().run(served(), workTree, "add", "--all");
        server.git().run(served(), workTree, "commit", "--quiet", "-m", message);
    }

    private Path served() {
        return work.resolve("git/served/templates.git");
    }

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("INFRAKIT_HOME", home.toString()),
                args);
        return new Run(code, out.toString(), err.toString());
    }
}
