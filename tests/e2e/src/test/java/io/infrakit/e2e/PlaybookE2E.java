package io.infrakit.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shipped quickstart playbook and templates through the launcher: pretend, run, scale, bad input, down. */
class PlaybookE2E {

    private static final String QUICKSTART = "examples/playbooks/quickstart";

    TemporaryHome home;
    Launcher infrakit;

    @BeforeEach
    void freshHome() throws IOException {
        home = TemporaryHome.create("ik-pb", Map.of("INFRAKIT_GROUP_POLL_INTERVAL", "500ms"));
        infrakit = home.launcher();
    }

    @AfterEach
    void stopManagerAndRemoveHome() throws IOException {
        home.close();
    }

    @Test
    void printOnlyRendersTheSpecsWithoutAManager() {
        Launcher.Result printed = infrakit.run("playbook", "run", QUICKSTART, "up", "--param", "size=4",
                "--accept-defaults", "--print-only");

        assertThat(printed.exitCode()).as(printed.toString()).isZero();
        assertThat(printed.out()).contains("group web:", "\"Size\" : 4", "echo web version 1", "group worker:",
                "up: would have 0 images built, 2 groups committed");
        assertThat(home.resolve("manager.pid")).doesNotExist();
    }

    @Test
    void upCommitsBothGroupsScaleResizesAndDownRemovesEveryInstance() throws IOException {
        Launcher.Result pretend = infrakit.run("playbook", "run", QUICKSTART, "up", "--accept-defaults", "--pretend");
        assertThat(pretend.exitCode()).as(pretend.toString()).isZero();
        assertThat(pretend.out()).contains("group web: Committing web would involve: ");
        assertThat(home.instanceDirectory()).satisfiesAnyOf(dir -> assertThat(dir).doesNotExist(),
                dir -> assertThat(dir).isEmptyDirectory());

        Launcher.Result up = infrakit.run("playbook", "run", QUICKSTART, "up", "--accept-defaults",
                "--param", "size=2", "--param", "workers=1", "--wait", "60s");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("group web: committed: ", "group worker: committed: ",
                "web: 2 instances of version 1; worker: 1");
        assertThat(home.instanceFiles()).hasSize(3);

        Launcher.Result scale = infrakit.run("playbook", "run", QUICKSTART, "scale", "--param", "size=4",
                "--accept-defaults");
        assertThat(scale.exitCode()).as(scale.toString()).isZero();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(home.instanceFiles()).hasSize(5));

        Launcher.Result down = infrakit.run("playbook", "run", QUICKSTART, "down");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(home.instanceFiles()).isEmpty());
    }

    @Test
    void badInputGetsOneLineWithTheCoordinatesAndExitThree() throws IOException {
        Path playbook = Files.createDirectories(home.resolve("broken"));
        Files.writeString(playbook.resolve("playbook.groovy"), "param 'size', Integer, default: 1\n\ncommand('up') {\n"
                + "    grup 'web', template('web.json.ftl')\n}\n");

        Launcher.Result typo = infrakit.run("playbook", "run", playbook.toString(), "up");
        assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(3);
        assertThat(typo.err().strip()).isEqualTo("infrakit: playbook.groovy:4: unknown method 'grup'; did you mean 'group'?");

        Files.writeString(playbook.resolve("playbook.groovy"), "command('up') {\n  group 'web', [ID: 'web'\n}\n");
        Launcher.Result syntax = infrakit.run("playbook", "run", playbook.toString(), "up");
        assertThat(syntax.exitCode()).as(syntax.toString()).isEqualTo(3);
        assertThat(syntax.err().strip()).startsWith("infrakit: playbook.groovy:3:").doesNotContain("\tat ");
        assertThat(syntax.err().lines()).hasSize(1);

        Files.writeString(playbook.resolve("playbook.groovy"), "command('up') { group 'web', template('web.json.ftl') }\n");
        Files.writeString(playbook.resolve("web.json.ftl"), "{\n  \"Properties\": {\n    \"Allocation\": {\"Size\": ${sise}}}}\n");
        Launcher.Result undefined = infrakit.run("playbook", "run", playbook.toString(), "--print-only");
        assertThat(undefined.exitCode()).as(undefined.toString()).isEqualTo(3);
        assertThat(undefined.err().strip()).startsWith("infrakit: web.json.ftl:3:")
                .contains("variable 'sise' is not defined").doesNotContain("\tat ");

        Launcher.Result wrongType = infrakit.run("playbook", "run", QUICKSTART, "up", "--param", "size=lots");
        assertThat(wrongType.exitCode()).as(wrongType.toString()).isEqualTo(3);
        assertThat(wrongType.err().strip()).isEqualTo("infrakit: parameter 'size' expects an integer, got 'lots'");
    }

    @Test
    void templateRenderPrintsTheResultInTheFormatAsked() throws IOException {
        Path template = Files.writeString(home.resolve("g.yml.ftl"), "ID: g\nProperties:\n  Allocation:\n    Size: ${n}\n");

        Launcher.Result json = infrakit.run("template", "render", template.toString(), "--var", "n=3", "-o", "json");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.out()).contains("\"ID\" : \"g\"", "\"Size\" : 3");
        Launcher.Result missing = infrakit.run("template", "render", template.toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err().strip()).isEqualTo("infrakit: g.yml.ftl:4:13: variable 'n' is not defined; defined: (none)");
    }
}
