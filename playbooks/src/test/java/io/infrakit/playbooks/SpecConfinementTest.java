package io.infrakit.playbooks;

import io.infrakit.dsl.Plan;
import io.infrakit.dsl.PlaybookDsl;
import io.infrakit.dsl.SandboxLimits;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.templates.TemplatePolicy;
import io.infrakit.templates.Templates;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an untrusted playbook's specs may make a plugin or the image builder read: files of its tree and of the
 * built images, the outputs of its own builds and what the user gave; nothing else, and nothing is done on refusal.
 */
class SpecConfinementTest {

    private static final PlaybookDsl DSL = new PlaybookDsl(SandboxLimits.defaults());
    private static final String ADVICE = "; a playbook that is not trusted may not name it (--trust allows it)";

    @TempDir
    Path work;

    private Path root;
    private Path images;
    private Path secret;
    private final RecordingInfrastructure infrastructure = new RecordingInfrastructure();

    @BeforeEach
    void aTreeAndASecretBesideIt() throws IOException {
        root = Files.createDirectories(work.resolve("playbook"));
        images = Files.createDirectories(work.resolve("home/images"));
        secret = Files.writeString(work.resolve("secret"), "S3CRET\n");
        write("vmlinuz", "a kernel");
    }

    @Test
    void aFlavorReadingAHostFileIsRefusedAndNothingIsCommitted() throws IOException {
        group("{\"Flavor\": {\"Plugin\": \"vanilla\", \"Properties\": {\"InitScriptTemplateURL\": \"file://"
                + secret + "\"}}}");

        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("g.json.ftl: Properties.Flavor.Properties.InitScriptTemplateURL \"file://" + secret
                        + "\" is outside the playbook tree and the built images" + ADVICE);
        assertThatThrownBy(() -> run(RunMode.PRETEND, Map.of())).isInstanceOf(InvalidSpecException.class);
        assertThat(infrastructure.calls).isEmpty();
    }

    @Test
    void aLinkInTheTreeToAHostFileIsFollowedAndRefused() throws IOException {
        Files.createSymbolicLink(root.resolve("init.sh"), secret);
        group("{\"Flavor\": {\"Plugin\": \"vanilla/x\", \"Properties\": {\"InitScriptTemplateURL\": \"file://"
                + root.resolve("init.sh") + "\"}}}");

        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of())).hasMessageContaining("is outside the playbook tree");
        assertThat(infrastructure.calls).isEmpty();
    }

    @Test
    void textAndFilesOfTheTreeAreAllowedAUrlToFetchIsNot() throws IOException {
        write("init.sh", "echo hi\n");
        group("{\"Flavor\": {\"Plugin\": \"vanilla\", \"Properties\": {\"InitScriptTemplateURL\": \"file://"
                + root.resolve("init.sh") + "\"}}}");
        run(RunMode.EXECUTE, Map.of());
        group("{\"Flavor\": {\"Plugin\": \"vanilla\", \"Properties\": {\"InitScriptTemplateURL\": \"str://echo\"}}}");
        run(RunMode.EXECUTE, Map.of());
        assertThat(infrastructure.calls).containsExactly("commit g", "commit g");

        group("{\"Flavor\": {\"Plugin\": \"vanilla\", \"Properties\": "
                + "{\"InitScriptTemplateURL\": \"http://169.254.169.254/latest/user-data\"}}}");
        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of())).hasMessage("g.json.ftl: "
                + "Properties.Flavor.Properties.InitScriptTemplateURL \"http://169.254.169.254/latest/user-data\" is "
                + "neither str:// text nor a file: URL in the playbook tree" + ADVICE);
    }

    @Test
    void qemuFilesMustBeInTheTreeOrTheBuiltImagesByTheirAbsolutePath() throws IOException {
        Files.writeString(images.resolve("initrd"), "an initrd");
        group("{\"Instance\": {\"Plugin\": \"qemu\", \"Properties\": {\"Kernel\": \"" + root.resolve("vmlinuz")
                + "\", \"Initrd\": \"" + images.resolve("initrd") + "\"}}}");
        run(RunMode.EXECUTE, Map.of());
        assertThat(infrastructure.calls).containsExactly("commit g");

        group("{\"Instance\": {\"Plugin\": \"qemu\", \"Properties\": {\"Disk\": \"" + secret + "\"}}}");
        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of())).hasMessage("g.json.ftl: "
                + "Properties.Instance.Properties.Disk \"" + secret + "\" is outside the playbook tree and the built "
                + "images" + ADVICE);
        group("{\"Instance\": {\"Plugin\": \"qemu\", \"Properties\": {\"Cdrom\": \"../secret\"}}}");
        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of())).hasMessageStartingWith("g.json.ftl: "
                + "Properties.Instance.Properties.Cdrom \"../secret\" is a relative path, which the plugin reads from "
                + "the manager's working directory");
        assertThat(infrastructure.calls).containsExactly("commit g");
    }

    @Test
    void aContainerMayMountTheTreeAndVolumesButNoOtherHostPath() throws IOException {
        group("{\"Instance\": {\"Plugin\": \"docker\", \"Properties\": {\"Image\": \"busybox\", \"Binds\": [\""
                + root + ":/data:ro\", \"cache:/cache\"]}}}");
        run(RunMode.EXECUTE, Map.of());
        assertThat(infrastructure.calls).containsExactly("commit g");

        group("{\"Instance\": {\"Plugin\": \"docker\", \"Properties\": {\"Image\": \"busybox\", \"Binds\": "
                + "[\"cache:/cache\", \"/:/host\"]}}}");
        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of())).isInstanceOf(InvalidSpecException.class)
                .hasMessage("g.json.ftl: Properties.Instance.Properties.Binds[1] \"/:/host\" is outside the playbook "
                        + "tree and the built images" + ADVICE);
        assertThat(infrastructure.calls).containsExactly("commit g");
    }

    @Test
    void onlyTheUserChoosesAnAwsEndpointOrProfile() throws IOException {
        write("playbook.groovy", "param 'endpoint', String, default: 'http://collector.example:8080'\n"
                + "command('up') { group 'g', template('g.json.ftl') }\n");
        write("g.json.ftl", "{\"Properties\": {\"Instance\": {\"Plugin\": \"aws\", \"Properties\": "
                + "{\"Endpoint\": \"${endpoint}\"}}}}");
        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of())).isInstanceOf(InvalidSpecException.class)
                .hasMessage("g.json.ftl: Properties.Instance.Properties.Endpoint \"http://collector.example:8080\" "
                        + "chooses the endpoint or the credentials the plugin acts with" + ADVICE);
        run(RunMode.EXECUTE, Map.of("endpoint", "http://127.0.0.1:5000"));
        assertThat(infrastructure.calls).containsExactly("commit g");

        group("{\"Instance\": {\"Plugin\": \"aws\", \"Properties\": {\"Profile\": \"production\"}}}");
        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of())).hasMessage("g.json.ftl: "
                + "Properties.Instance.Properties.Profile \"production\" chooses the endpoint or the credentials the "
                + "plugin acts with" + ADVICE);
        assertThat(infrastructure.calls).containsExactly("commit g");
    }

    @Test
    void aBuiltInPluginServedUnderAnotherNameIsHeldToItsKindsFields() throws IOException {
        group("{\"Instance\": {\"Plugin\": \"containers\", \"Properties\": {\"Image\": \"busybox\", "
                + "\"Binds\": [\"/etc:/host-etc\"]}}}");
        LocalPlaybook playbook = LocalPlaybook.open(root, DSL);
        Plan plan = playbook.playbook().plan("up", Map.of());
        TemplatePolicy policy = TemplatePolicy.confinedTo(root, images);
        PlaybookRunner runner = new PlaybookRunner(infrastructure,
                SpecConfinement.of(policy, Map.of("containers", "docker")), new PrintWriter(new StringWriter()));

        assertThatThrownBy(() -> runner.run(playbook, plan, new Templates(policy), RunMode.EXECUTE))
                .hasMessage("g.json.ftl: Properties.Instance.Properties.Binds[0] \"/etc:/host-etc\" is outside the "
                        + "playbook tree and the built images" + ADVICE);
        assertThat(infrastructure.calls).isEmpty();
    }

    @Test
    void aPathTheUserGaveAsAParameterIsTheirs() throws IOException {
        write("playbook.groovy", "param 'kernel', String, default: '/etc/shadow'\n"
                + "command('up') { group 'g', template('g.json.ftl') }\n");
        write("g.json.ftl", "{\"Properties\": {\"Instance\": {\"Plugin\": \"qemu\", \"Properties\": "
                + "{\"Kernel\": \"${kernel}\"}}}}");

        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of())).hasMessageContaining("\"/etc/shadow\" is outside");
        run(RunMode.EXECUTE, Map.of("kernel", secret.toString()));
        assertThat(infrastructure.commits.get(0).properties().node().at("/Instance/Properties/Kernel").asText())
                .isEqualTo(secret.toString());
    }

    @Test
    void anImageWhoseKernelOrBusyboxIsAHostFileIsNotBuilt() throws IOException {
        write("playbook.groovy", "command('up') { image 'img.yml' }\n");
        write("img.yml", "kernel: {path: " + secret + "}\n");
        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of())).isInstanceOf(InvalidSpecException.class)
                .hasMessage("img.yml: kernel.path " + secret + " is outside the playbook tree and the built images"
                        + ADVICE);

        write("img.yml", "kernel: {path: vmlinuz}\nbusybox: ../secret\n");
        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of()))
                .hasMessage("img.yml: busybox " + secret + " is outside the playbook tree and the built images"
                        + ADVICE);
        assertThat(infrastructure.calls).isEmpty();

        write("img.yml", "kernel: {path: vmlinuz}\nbusybox: /bin/busybox\n");
        run(RunMode.EXECUTE, Map.of());
        assertThat(infrastructure.calls).containsExactly("build img.yml key=");
    }

    @Test
    void anImageSpecLinkedFromOutsideTheTreeIsNotRead() throws IOException {
        Path spec = Files.writeString(work.resolve("img.yml"), "kernel: {path: " + secret + "}\n");
        Files.createSymbolicLink(root.resolve("img.yml"), spec);
        write("playbook.groovy", "command('up') { image 'img.yml' }\n");

        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of())).isInstanceOf(InvalidSpecException.class)
                .hasMessage("img.yml: leads to " + spec.toRealPath() + ", outside the playbook tree; a playbook's "
                        + "files are read only inside it");
    }

    @Test
    void oneSpecRefusedAndTheRunChangesNothingNotEvenWhatCameBefore() throws IOException {
        write("playbook.groovy", """
                command('up') {
                    def img = image 'img.yml'
                    group 'a', template('a.json.ftl', kernel: img.kernel)
                    scale 'old', 3
                    group 'b', template('b.json.ftl')
                }
                """);
        write("img.yml", "kernel: {path: vmlinuz}\n");
        write("a.json.ftl", "{\"Properties\": {\"Instance\": {\"Plugin\": \"qemu\", \"Properties\": "
                + "{\"Kernel\": \"${kernel}\"}}}}");
        write("b.json.ftl", "{\"Properties\": {\"Instance\": {\"Plugin\": \"qemu\", \"Properties\": "
                + "{\"Kernel\": \"" + secret + "\"}}}}");
        StringWriter output = new StringWriter();

        assertThatThrownBy(() -> run(RunMode.EXECUTE, Map.of(), output))
                .hasMessageStartingWith("b.json.ftl: Properties.Instance.Properties.Kernel");
        assertThat(infrastructure.calls).isEmpty();
        assertThat(output.toString()).isEmpty();

        write("b.json.ftl", "{\"Properties\": {}}");
        run(RunMode.EXECUTE, Map.of(), output);
        assertThat(infrastructure.calls).containsExactly("build img.yml key=", "commit a", "scale old 3", "commit b");
        assertThat(infrastructure.commits.get(0).properties().node().at("/Instance/Properties/Kernel").asText())
                .isEqualTo("/images/k-");
    }

    @Test
    void aTrustedPlaybookMayNameAnything() throws IOException {
        group("{\"Flavor\": {\"Plugin\": \"vanilla\", \"Properties\": {\"InitScriptTemplateURL\": \"file://"
                + secret + "\"}}}");

        LocalPlaybook playbook = LocalPlaybook.open(root, DSL);
        Plan plan = playbook.playbook().plan("up", Map.of());
        new PlaybookRunner(infrastructure, SpecConfinement.NONE, new PrintWriter(new StringWriter()))
                .run(playbook, plan, new Templates(TemplatePolicy.confinedTo(root)), RunMode.EXECUTE);

        assertThat(infrastructure.calls).containsExactly("commit g");
    }

    private void group(String properties) throws IOException {
        write("playbook.groovy", "command('up') { group 'g', template('g.json.ftl') }\n");
        write("g.json.ftl", "{\"Properties\": " + properties + "}");
    }

    private void run(RunMode mode, Map<String, String> given) {
        run(mode, given, new StringWriter());
    }

    private void run(RunMode mode, Map<String, String> given, StringWriter output) {
        LocalPlaybook playbook = LocalPlaybook.open(root, DSL);
        Map<String, Object> values = new ParameterResolver(Prompter.NOBODY, true).resolve(playbook.playbook(), given);
        Plan plan = playbook.playbook().plan("up", values);
        TemplatePolicy policy = TemplatePolicy.confinedTo(root, images);
        new PlaybookRunner(infrastructure, SpecConfinement.of(policy), new PrintWriter(output))
                .run(playbook, plan, new Templates(policy), mode);
    }

    private void write(String relative, String text) throws IOException {
        Files.writeString(root.resolve(relative), text);
    }
}
