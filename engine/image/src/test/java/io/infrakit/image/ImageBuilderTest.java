package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuilderTest {

    @TempDir
    Path temp;

    @Test
    void twoBuildsOfTheSameSpecGiveByteIdenticalInitrdsAndTheSameHash() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.fullSpec("ssh-ed25519 AAAA key-a");

        BuiltImage first = new ImageBuilder(temp.resolve("images-1"), fixture.modulesDir, java.time.Clock.systemUTC())
                .build(spec);
        BuiltImage second = new ImageBuilder(temp.resolve("images-2"), fixture.modulesDir, java.time.Clock.systemUTC())
                .build(spec);

        assertThat(second.hash()).isEqualTo(first.hash()).hasSize(ImageHash.LENGTH);
        assertThat(Files.readAllBytes(second.initrd())).isEqualTo(Files.readAllBytes(first.initrd()));
    }

    @Test
    void aChangedAuthorizedKeyChangesTheHash() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        ImageBuilder builder = fixture.builder();

        BuiltImage withKeyA = builder.build(fixture.fullSpec("ssh-ed25519 AAAA key-a"));
        BuiltImage withKeyB = builder.build(fixture.fullSpec("ssh-ed25519 BBBB key-b"));

        assertThat(withKeyB.hash()).isNotEqualTo(withKeyA.hash());
        assertThat(withKeyB.directory()).isNotEqualTo(withKeyA.directory());
    }

    @Test
    void aChangedCmdlineChangesTheHash() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        ImageBuilder builder = fixture.builder();

        BuiltImage quiet = builder.build(fixture.spec("kernel: {path: vmlinuz, cmdline: \"console=ttyS0 quiet\"}\nbusybox: BUSYBOX\n"));
        BuiltImage loud = builder.build(fixture.spec("kernel: {path: vmlinuz, cmdline: \"console=ttyS0\"}\nbusybox: BUSYBOX\n"));

        assertThat(loud.hash()).isNotEqualTo(quiet.hash());
    }

    @Test
    void writesKernelInitrdCmdlineAndManifestIntoTheHashDirectory() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);

        BuiltImage image = fixture.builder().build(fixture.fullSpec("key-a"));

        assertThat(image.directory()).isEqualTo(fixture.imagesDir.resolve(image.hash()));
        assertThat(image.kernel()).hasContent("fake kernel");
        assertThat(image.directory().resolve("cmdline")).hasContent("console=ttyS0 quiet panic=-1");
        assertThat(image.cmdline()).isEqualTo("console=ttyS0 quiet panic=-1");
        assertThat(image.directory().resolve("image.json")).content()
                .contains("\"hash\":\"" + image.hash() + "\"", "2026-01-02T03:04:05Z", "virtio_net", "httpd");
        try (var entries = Files.list(fixture.imagesDir)) {
            assertThat(entries).as("no staging directory is left behind")
                    .containsExactlyInAnyOrder(image.directory(), fixture.imagesDir.resolve("kernels"));
        }
    }

    @Test
    void aSecondBuildFindsTheImageAndLeavesItUntouched() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.fullSpec("key-a");
        BuiltImage first = fixture.builder().build(spec);
        Path manifest = first.directory().resolve("image.json");
        String manifestBefore = Files.readString(manifest);

        BuiltImage again = new ImageBuilder(fixture.imagesDir, fixture.modulesDir,
                java.time.Clock.fixed(ImageFixture.BUILT_AT.plusSeconds(3600), java.time.ZoneOffset.UTC)).build(spec);

        assertThat(again).isEqualTo(first);
        assertThat(manifest).hasContent(manifestBefore);
    }

    @Test
    void variablesAreSubstitutedIntoTheSpec() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("""
                kernel: {path: vmlinuz}
                files:
                  - {path: /root/.ssh/authorized_keys, contents: "{{key}}", mode: "0600"}
                busybox: BUSYBOX
                """);

        BuiltImage image = fixture.builder().build(spec, Map.of("key", "ssh-ed25519 CCCC key-c"));

        assertThat(ImageFixture.readInitrd(image.initrd()))
                .filteredOn(f -> f.name().equals("root/.ssh/authorized_keys"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.content()).isEqualTo("ssh-ed25519 CCCC key-c");
                    assertThat(f.mode() & 07777).isEqualTo(0600);
                });
    }
}
