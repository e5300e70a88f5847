package io.infrakit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code image build} and {@code image ls} on a fake kernel, busybox and module tree. */
class ImageCommandsTest {

    @TempDir
    Path home;

    @TempDir
    Path tree;

    record Run(int exitCode, String out, String err) {
    }

    @Test
    void aBuildPrintsTheContentHashAndTheSameSpecGivesTheSameHash() throws IOException {
        Path spec = spec();

        Run first = run("image", "build", spec.toString(), "--var", "key=A");
        Run again = run("image", "build", spec.toString(), "--var", "key=A");
        Run other = run("image", "build", spec.toString(), "--var", "key=B");

        assertThat(first.exitCode()).as(first.err()).isZero();
        String hash = first.out().lines().findFirst().orElseThrow();
        assertThat(hash).matches("[0-9a-f]{16}");
        assertThat(first.out()).contains("kernel " + home.resolve("images").resolve(hash).resolve("kernel"));
        assertThat(again.out().lines().findFirst()).contains(hash);
        assertThat(other.out().lines().findFirst()).isNotEqualTo(first.out().lines().findFirst());
        assertThat(run("image", "ls").out()).contains(hash, spec.toString());
    }

    @Test
    void aBuildPrintsEveryFileTheImageHasAndLsShowsItsFormats() throws IOException {
        Path spec = spec();
        Run first = run("image", "build", spec.toString(), "--var", "key=A");
        String hash = first.out().lines().findFirst().orElseThrow();
        Path image = home.resolve("images").resolve(hash);
        assertThat(first.out()).doesNotContain("vmlinux", "iso", "qcow2");
        assertThat(run("image", "ls").out()).containsPattern(hash + " +\\S+ +kernel +" + spec);
        // As a build from a PVH kernel, with formats: [iso, qcow2], would have left them (the image tests make them).
        for (String file : new String[] {"vmlinux", "image.iso", "disk.qcow2"}) {
            Files.writeString(image.resolve(file), file);
        }

        Run again = run("image", "build", spec.toString(), "--var", "key=A");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(hash + "\n"
                + "  kernel " + image.resolve("kernel") + "\n"
                + "  vmlinux " + image.resolve("vmlinux") + "\n"
                + "  initrd " + image.resolve("initrd.img") + "\n"
                + "  iso " + image.resolve("image.iso") + "\n"
                + "  qcow2 " + image.resolve("disk.qcow2") + "\n");
        Run ls = run("image", "ls");
        assertThat(ls.out().lines().findFirst()).hasValueSatisfying(header ->
                assertThat(header).containsSubsequence("HASH", "CREATED", "FORMATS", "SPEC", "INITRD"));
        assertThat(ls.out()).contains(" kernel,vmlinux,iso,qcow2 ");
        assertThat(run("image", "ls", "-o", "json").out()).contains("\"formats\" : [ \"kernel\", \"vmlinux\", \"iso\", \"qcow2\" ]");
    }

    @Test
    void anUnknownFormatIsOneLineAndExitThree() throws IOException {
        Path spec = Files.writeString(tree.resolve("bad.yml"), "kernel: {path: vmlinuz}\nformats: [iso, vmdk]\n");
        Files.write(tree.resolve("vmlinuz"), new byte[] {1, 2, 3});

        Run run = run("image", "build", spec.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("infrakit: " + spec + ": formats[1] 'vmdk' is not an image format; "
                + "known: iso, qcow2");
    }

    @Test
    void anUnknownSectionIsOneLineAndExitThree() throws IOException {
        Path spec = Files.writeString(tree.resolve("bad.yml"), "kernel: {path: vmlinuz}\nservises: []\n");
        Files.write(tree.resolve("vmlinuz"), new byte[] {1, 2, 3});

        Run run = run("image", "build", spec.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).startsWith("infrakit: " + spec).contains("unknown section 'servises'");
        assertThat(run.err().lines()).hasSize(1);
    }

    private Path spec() throws IOException {
        Files.write(tree.resolve("vmlinuz"), new byte[] {1, 2, 3, 4});
        Files.write(tree.resolve("busybox"), new byte[] {5, 6, 7});
        Files.createDirectories(tree.resolve("modules/kernel"));
        Files.writeString(tree.resolve("modules/kernel/virtio_net.ko"), "ko");
        return Files.writeString(tree.resolve("sshd.yml"), """
                kernel: {path: vmlinuz, cmdline: "console=ttyS0"}
                busybox: busybox
                modules: [virtio_net]
                files:
                  - {path: /root/.ssh/authorized_keys, contents: "{{key}}", mode: "0600"}
                """);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), Map.of("INFRAKIT_HOME", home.toString(),
                Images.MODULES_VARIABLE, tree.resolve("modules").toString()), args);
        return new Run(code, out.toString(), err.toString());
    }
}
