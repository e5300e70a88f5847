package io.infrakit.playbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.dsl.Plan;
import io.infrakit.dsl.PlaybookDsl;
import io.infrakit.dsl.SandboxLimits;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.templates.TemplatePolicy;
import io.infrakit.templates.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaybookRunnerTest {

    private static final PlaybookDsl DSL = new PlaybookDsl(SandboxLimits.defaults());

    @TempDir
    Path root;

    private final RecordingInfrastructure infrastructure = new RecordingInfrastructure();
    private final StringWriter output = new StringWriter();

    @Test
    void imageOutputsAndParametersFlowIntoTheGroupTemplate() throws IOException {
        write("playbook.groovy", """
                param 'size', Integer, default: 3
                param 'key', String
                command('up') {
                    def img = image 'images/sshd.yml', vars: [key: key]
                    group 'workers', template('groups/workers.json.ftl', kernel: img.kernel, initrd: img.initrd)
                }
                """);
        write("images/sshd.yml", "kernel: {path: vmlinuz}\nfiles: [{path: /key, contents: '{{key}}'}]\n");
        write("images/vmlinuz", "a kernel");
        write("groups/workers.json.ftl", """
                {"Properties": {"Allocation": {"Size": ${size}},
                  "Instance": {"Plugin": "qemu", "Properties": {"Kernel": "${kernel}", "Initrd": "${initrd}",
                    "Key": "${key}"}}}}
                """);

        RunSummary summary = run("up", Map.of("key", "A"), RunMode.EXECUTE);

        assertThat(infrastructure.calls).containsExactly("build sshd.yml key=A", "commit workers");
        GroupSpec spec = infrastructure.commits.get(0);
        assertThat(spec.id().value()).isEqualTo("workers");
        assertThat(spec.properties().node().at("/Allocation/Size").asInt()).isEqualTo(3);
        assertThat(spec.properties().node().at("/Instance/Properties/Kernel").asText()).isEqualTo("/images/k-A");
        assertThat(spec.properties().node().at("/Instance/Properties/Initrd").asText()).isEqualTo("/images/i-A");
        assertThat(spec.properties().node().at("/Instance/Properties/Key").asText()).isEqualTo("A");
        assertThat(summary.describe()).isEqualTo("up: 1 image built, 1 group committed, 0 groups scaled, 0 groups destroyed");
        assertThat(output.toString()).contains("image images/sshd.yml: built hA", "group workers: committed: Managing workers");
    }

    @Test
    void pretendingAsksForPlansAndBuildsNothing() throws IOException {
        write("playbook.groovy", """
                command('up') {
                    def img = image 'img.yml'
                    group 'g', [Properties: [Instance: [Plugin: 'file', Properties: [Kernel: img.kernel]]]]
                    scale 'g', 4
                    destroy 'old'
                }
                """);

        RunSummary summary = run("up", Map.of(), RunMode.PRETEND);

        assertThat(infrastructure.calls).containsExactly("pretend g");
        assertThat(infrastructure.commits.get(0).properties().node().at("/Instance/Properties/Kernel").asText())
                .isEqualTo("<kernel of img.yml>");
        assertThat(output.toString()).contains("image img.yml: would be built",
                "group g: Committing g would involve: Managing g", "group g: would be scaled to 4",
                "group old: would be destroyed");
        assertThat(summary.describe()).startsWith("up: would have 1 image built");
    }

    @Test
    void printOnlyTouchesNothingAndPrintsTheRenderedSpec() throws IOException {
        write("playbook.groovy", "command('up') { group 'g', template('g.yml.ftl', n: 2) }\n");
        write("g.yml.ftl", "Properties:\n  Allocation:\n    Size: ${n}\n");

        run("up", Map.of(), RunMode.PRINT_ONLY);

        assertThat(infrastructure.calls).isEmpty();
        assertThat(output.toString()).contains("group g:", "\"ID\" : \"g\"", "\"Size\" : 2");
    }

    @Test
    void aTemplateWhoseIdIsAnotherGroupIsRejected() throws IOException {
        write("playbook.groovy", "command('up') {\n  group 'web', template('g.json.ftl')\n}\n");
        write("g.json.ftl", "{\"ID\": \"db\", \"Properties\": {}}");

        assertThatThrownBy(() -> run("up", Map.of(), RunMode.EXECUTE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("g.json.ftl: ID 'db' is not the group 'web' that playbook.groovy:2 commits");
        assertThat(infrastructure.calls).isEmpty();
    }

    @Test
    void anUnknownFieldInARenderedSpecIsNamedAtTheTemplatesLineAndColumn() throws IOException {
        write("playbook.groovy", "command('up') { group 'g', template('g.json.ftl') }\n");
        write("g.json.ftl", "{\"Properties\": {}, \"Extra\": 1}");

        assertThatThrownBy(() -> run("up", Map.of(), RunMode.EXECUTE))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("g.json.ftl:1:20: unknown field 'Extra'; known: ID, Properties");
        assertThat(infrastructure.calls).isEmpty();
    }

    @Test
    void aSecretIsCommittedAsItIs_butNeverPrinted() throws IOException {
        write("playbook.groovy", "param 'password', String, secret: true\n"
                + "command('up') { group 'db', template('db.json.ftl') }\n");
        write("db.json.ftl", "{\"Properties\": {\"Instance\": {\"Plugin\": \"file\", "
                + "\"Properties\": {\"Init\": \"echo ${password}\"}}}}");

        run("up", Map.of("password", "S3CRETpw"), RunMode.PRINT_ONLY);
        run("up", Map.of("password", "S3CRETpw"), RunMode.EXECUTE);

        assertThat(output.toString()).contains("\"Init\" : \"echo ******\"").doesNotContain("S3CRETpw");
        assertThat(infrastructure.commits.get(0).properties().node().at("/Instance/Properties/Init").asText())
                .isEqualTo("echo S3CRETpw");
    }

    @Test
    void aSecretInATagOrAnIdIsRefusedBeforeAnythingIsPrintedOrCommitted() throws IOException {
        write("playbook.groovy", "param 'password', String, secret: true\n"
                + "command('up') { group 'db', template('db.json.ftl') }\n"
                + "command('named') { group password, [Properties: [:]] }\n");
        write("db.json.ftl", "{\"Properties\": {\"Flavor\": {\"Plugin\": \"vanilla\", "
                + "\"Properties\": {\"Tags\": {\"owner\": \"ops-${password}\"}}}}}");

        for (RunMode mode : RunMode.values()) {
            assertThatThrownBy(() -> run("up", Map.of("password", "S3CRETpw"), mode))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("db.json.ftl: Properties.Flavor.Properties.Tags.owner holds the value of secret "
                            + "parameter 'password'; tags, group IDs and logical IDs are shown to anyone who lists "
                            + "instances");
        }
        assertThatThrownBy(() -> run("named", Map.of("password", "S3CRETpw"), RunMode.PRINT_ONLY))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("playbook.groovy:3: ID holds the value of secret parameter 'password'");
        assertThat(infrastructure.calls).isEmpty();
        assertThat(output.toString()).isEmpty();
    }

    @Test
    void theShippedQuickstartRendersBothGroups() {
        LocalPlaybook playbook = LocalPlaybook.open(Path.of("..", "examples", "playbooks", "quickstart"), DSL);
        Map<String, Object> values = new ParameterResolver(Prompter.NOBODY, true)
                .resolve(playbook.playbook(), Map.of("size", "4", "version", "2"));
        Plan plan = playbook.playbook().plan("up", values);

        TemplatePolicy policy = TemplatePolicy.confinedTo(playbook.root());
        new PlaybookRunner(infrastructure, SpecConfinement.of(policy), new PrintWriter(output)).run(playbook, plan,
                new Templates(policy), RunMode.EXECUTE);

        assertThat(infrastructure.calls).containsExactly("commit web", "commit worker");
        GroupSpec web = infrastructure.commits.get(0);
        GroupSpec worker = infrastructure.commits.get(1);
        assertThat(web.properties().node().at("/Allocation/Size").asInt()).isEqualTo(4);
        assertThat(worker.properties().node().at("/Allocation/Size").asInt()).isEqualTo(2);
        assertThat(web.properties().node().at("/Flavor/Properties/Init/0").asText()).isEqualTo("echo web version 2");
        assertThat(worker.properties().node().at("/Flavor/Properties/Tags/role").asText()).isEqualTo("worker");
        assertThat(output.toString()).contains("web: 4 instances of version 2; worker: 2");
    }

    @Test
    void aTeamParameterCannotAddKeysToTheShippedQuickstartSpecs() {
        String team = "ops\"}, \"InitScriptTemplateURL\": \"file:///etc/shadow\", \"x\": {\"y\": \"z";
        LocalPlaybook playbook = LocalPlaybook.open(Path.of("..", "examples", "playbooks", "quickstart"), DSL);
        Map<String, Object> values = new ParameterResolver(Prompter.NOBODY, true)
                .resolve(playbook.playbook(), Map.of("team", team));
        Plan plan = playbook.playbook().plan("up", values);

        TemplatePolicy policy = TemplatePolicy.confinedTo(playbook.root());
        new PlaybookRunner(infrastructure, SpecConfinement.of(policy), new PrintWriter(output)).run(playbook, plan,
                new Templates(policy), RunMode.EXECUTE);

        for (GroupSpec spec : infrastructure.commits) {
            JsonNode flavor = spec.properties().node().at("/Flavor/Properties");
            assertThat(flavor.at("/Tags/team").asText()).isEqualTo(team);
            assertThat(flavor.has("InitScriptTemplateURL")).isFalse();
            assertThat(spec.properties().node().findValue("InitScriptTemplateURL")).isNull();
        }
    }

    @Test
    void aPretendPreviewIsOneDocumentOfEveryStepWithItsRenderedSpecAndPlan_secretsMasked() throws IOException {
        write("playbook.groovy", """
                param 'password', String, secret: true
                command('up') {
                    def img = image 'img.yml', vars: [key: password]
                    group 'db', template('db.json.ftl', kernel: img.kernel)
                    scale 'db', 4
                    destroy 'old'
                    echo 'done'
                }
                """);
        write("img.yml", "kernel: {path: vmlinuz}\nfiles: [{path: /key, contents: '{{key}}'}]\n");
        write("vmlinuz", "a kernel");
        write("db.json.ftl", "{\"Properties\": {\"Instance\": {\"Plugin\": \"file\", "
                + "\"Properties\": {\"Kernel\": \"${kernel}\", \"Init\": \"echo ${password}\"}}}}");

        JsonNode preview = preview("up", Map.of("password", "S3CRETpw"), RunMode.PRETEND);

        assertThat(output.toString()).as("nothing printed line by line").isEmpty();
        assertThat(infrastructure.calls).containsExactly("pretend db");
        assertThat(preview.get("Playbook").asText()).isEqualTo("team/db");
        assertThat(preview.get("Command").asText()).isEqualTo("up");
        assertThat(preview.get("Mode").asText()).isEqualTo("PRETEND");
        assertThat(preview.at("/Parameters/password").asText()).isEqualTo("******");
        JsonNode steps = preview.get("Steps");
        assertThat(steps).extracting(step -> step.get("Action").asText())
                .containsExactly("BuildImage", "CommitGroup", "ScaleGroup", "DestroyGroup", "Echo");
        assertThat(steps.get(0).get("Target").asText()).isEqualTo("img.yml");
        assertThat(steps.get(0).at("/Spec/Kernel/Path").asText()).isEqualTo(root.resolve("vmlinuz").toString());
        assertThat(steps.get(0).at("/Spec/Files/0/Source/Text").asText()).isEqualTo("******");
        assertThat(steps.get(1).get("Target").asText()).isEqualTo("db");
        assertThat(steps.get(1).at("/Spec/ID").asText()).isEqualTo("db");
        assertThat(steps.get(1).at("/Spec/Properties/Instance/Properties/Kernel").asText())
                .isEqualTo("<kernel of img.yml>");
        assertThat(steps.get(1).at("/Spec/Properties/Instance/Properties/Init").asText()).isEqualTo("echo ******");
        assertThat(steps.get(1).get("Plan").asText()).isEqualTo("Managing db");
        assertThat(steps.get(2).get("Size").asInt()).isEqualTo(4);
        assertThat(steps.get(3).get("Target").asText()).isEqualTo("old");
        assertThat(steps.get(4).get("Text").asText()).isEqualTo("done");
        assertThat(preview.get("Summary").asText())
                .isEqualTo("up: would have 1 image built, 1 group committed, 1 group scaled, 1 group destroyed");
        assertThat(preview.toString()).doesNotContain("S3CRETpw");
    }

    @Test
    void aPrintOnlyPreviewHasTheSpecsButNoPlanAndAsksNobody() throws IOException {
        write("playbook.groovy", "command('up') { group 'g', [Properties: [Instance: [Plugin: 'file']]] }\n");

        JsonNode preview = preview("up", Map.of(), RunMode.PRINT_ONLY);

        assertThat(infrastructure.calls).isEmpty();
        assertThat(preview.at("/Steps/0/Spec/Properties/Instance/Plugin").asText()).isEqualTo("file");
        assertThat(preview.at("/Steps/0").has("Plan")).isFalse();
    }

    private JsonNode preview(String command, Map<String, String> given, RunMode mode) {
        LocalPlaybook playbook = LocalPlaybook.open(root, DSL);
        Map<String, Object> values = new ParameterResolver(Prompter.NOBODY, false).resolve(playbook.playbook(), given);
        Plan plan = playbook.playbook().plan(command, values);
        TemplatePolicy policy = TemplatePolicy.confinedTo(root);
        return new PlaybookRunner(infrastructure, SpecConfinement.of(policy), new PrintWriter(output, true))
                .preview("team/db", playbook, plan, new Templates(policy), mode);
    }

    private RunSummary run(String command, Map<String, String> given, RunMode mode) {
        LocalPlaybook playbook = LocalPlaybook.open(root, DSL);
        Map<String, Object> values = new ParameterResolver(Prompter.NOBODY, false).resolve(playbook.playbook(), given);
        Plan plan = playbook.playbook().plan(command, values);
        TemplatePolicy policy = TemplatePolicy.confinedTo(root);
        return new PlaybookRunner(infrastructure, SpecConfinement.of(policy), new PrintWriter(output, true))
                .run(playbook, plan, new Templates(policy), mode);
    }

    private void write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
