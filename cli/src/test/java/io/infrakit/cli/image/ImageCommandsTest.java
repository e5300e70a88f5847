package io.infrakit.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrakit.cli.ExitCode;
import io.infrakit.cli.Images;
import io.infrakit.cli.Main;
import io.infrakit.engine.store.FileSpecStore;
import io.infrakit.engine.store.SpecKey;
import io.infrakit.engine.store.SpecRecord;
import io.infrakit.engine.store.StoredSpec;
import io.infrakit.spi.Any;
import io.infrakit.spi.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code image build}, {@code ls}, {@code rm} and {@code prune} on a fake kernel, busybox and module tree. */
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
        assertThat(run("image", "ls", "-o", "json").out()).contains("\"Formats\" : [ \"kernel\", \"vmlinux\", \"iso\", \"qcow2\" ]");
    }

    @Test
    void asJsonABuildAndTheListHavePascalCaseKeys() throws IOException {
        Path spec = spec();

        Run build = run("image", "build", spec.toString(), "--var", "key=A", "-o", "json");

        assertThat(build.exitCode()).as(build.err()).isZero();
        JsonNode built = Json.mapper().readTree(build.out());
        String hash = built.get("Hash").asText();
        assertThat(built.get("Kernel").asText()).isEqualTo(home.resolve("images").resolve(hash).resolve("kernel").toString());
        assertThat(built.get("Formats").toString()).isEqualTo("[\"kernel\"]");
        assertThat(built.has("Iso")).isFalse();
        JsonNode listed = Json.mapper().readTree(run("image", "ls", "-o", "json").out()).get(0);
        assertThat(listed.get("Hash").asText()).isEqualTo(hash);
        assertThat(listed.get("Spec").asText()).isEqualTo(spec.toString());
        assertThat(listed.get("InitrdSize").asLong()).isPositive();
        assertThat(listed.get("UsedBy").toString()).isEqualTo("[]");
    }

    @Test
    void pruneRemovesOnlyWhatNoCommittedGroupAndNoRunningVmUsesAndSaysWhatItFreed() throws IOException {
        Path spec = spec();
        String byGroup = build(spec, "A");
        String byVm = build(spec, "B");
        String unused = build(spec, "C");
        commitGroupUsing(home.resolve("images").resolve(byGroup).resolve("kernel"));
        runningVmUsing(byVm);
        assertThat(run("image", "ls").out()).contains("group web", "vm qemu-0000beef");

        Run dryRun = run("image", "prune", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).startsWith("would remove " + unused + " (" + spec + "), ")
                .contains("1 image, at least ").endsWith(" would be freed\n");
        assertThat(hashes()).containsExactlyInAnyOrder(byGroup, byVm, unused);

        Run prune = run("image", "prune", "-o", "json");

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        JsonNode removal = Json.mapper().readTree(prune.out());
        assertThat(removal.get("Removed").findValuesAsText("Hash")).containsExactly(unused);
        assertThat(removal.get("FreedBytes").asLong()).isPositive();
        assertThat(hashes()).containsExactlyInAnyOrder(byGroup, byVm);
        assertThat(run("image", "prune").out()).isEqualTo("0 images, 0 bytes freed\n");
    }

    @Test
    void rmRefusesAnImageInUseUnlessForcedAndThenChangesNothing() throws IOException {
        Path spec = spec();
        String used = build(spec, "A");
        String other = build(spec, "B");
        commitGroupUsing(home.resolve("images").resolve(used).resolve("initrd.img"));

        Run refused = run("image", "rm", other, used);

        assertThat(refused.exitCode()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(refused.err().strip()).isEqualTo("infrakit: image " + used + " (" + spec + ") is used by group web; "
                + "nothing removed (--force removes it anyway)");
        assertThat(hashes()).containsExactlyInAnyOrder(used, other);

        Run forced = run("image", "rm", "--force", other, used.substring(0, 6));

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("removed " + other + " (" + spec + ")", "removed " + used)
                .contains("2 images, ");
        assertThat(hashes()).isEmpty();
        assertThat(home.resolve("images/kernels")).isEmptyDirectory();
    }

    @Test
    void rmTakesASpecNameThatFitsOneImageAndRefusesOneThatFitsNoneOrSeveral() throws IOException {
        Path spec = spec();
        String first = build(spec, "A");

        Run byName = run("image", "rm", "sshd");

        assertThat(byName.exitCode()).as(byName.err()).isZero();
        assertThat(byName.out()).startsWith("removed " + first + " (" + spec + "), ");
        String a = build(spec, "A");
        String b = build(spec, "B");

        Run several = run("image", "rm", "sshd.yml");
        Run none = run("image", "rm", "nginx");

        assertThat(several.exitCode()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(several.err().strip()).startsWith("infrakit: \"sshd.yml\" fits 2 images: ")
                .contains(a, b).endsWith("; name one by its hash");
        assertThat(none.exitCode()).isEqualTo(ExitCode.INVALID_SPEC);
        assertThat(none.err().strip()).startsWith("infrakit: no image \"nginx\"; images: ").contains(a, b);
        assertThat(hashes()).containsExactlyInAnyOrder(a, b);
    }

    private String build(Path spec, String key) {
        Run build = run("image", "build", spec.toString(), "--var", "key=" + key);
        assertThat(build.exitCode()).as(build.err()).isZero();
        return build.out().lines().findFirst().orElseThrow();
    }

    private List<String> hashes() throws IOException {
        return Json.mapper().readTree(run("image", "ls", "-o", "json").out()).findValuesAsText("Hash");
    }

    /** A committed group as the manager stores it, its VMs booting the given file. */
    private void commitGroupUsing(Path file) {
        Any properties = Any.parse("{\"Allocation\": {\"Size\": 1}, \"Instance\": {\"Plugin\": \"qemu\", "
                + "\"Properties\": {\"Kernel\": \"" + file + "\"}}, \"Flavor\": {\"Plugin\": \"vanilla\"}}");
        new FileSpecStore(home.resolve("configs")).save(List.of(new StoredSpec(SpecKey.group("web"),
                new SpecRecord("group-stateless", new SpecRecord.Spec("group", "Group/1.0", Map.of("name", "web"),
                        properties)))));
    }

    /** The state file the qemu plugin keeps beside a running VM; this test's own process stands in for QEMU. */
    private void runningVmUsing(String hash) throws IOException {
        Path vm = Files.createDirectories(home.resolve("instances/qemu/qemu-0000beef"));
        Files.writeString(vm.resolve("vm.json"), "{\"ID\": \"qemu-0000beef\", \"Pid\": " + ProcessHandle.current().pid()
                + ", \"Properties\": {\"Image\": \"" + hash + "\"}}");
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
