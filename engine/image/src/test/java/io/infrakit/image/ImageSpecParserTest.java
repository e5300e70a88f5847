package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.infrakit.spi.InvalidSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSpecParserTest {

    @TempDir
    Path temp;

    @Test
    void parsesEverySectionWithPathsRelativeToTheSpecFile() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);

        ImageSpec spec = ImageSpecParser.parse(fixture.fullSpec("key-a"), Map.of());

        assertThat(spec.kernel().path()).isEqualTo(fixture.specDir.resolve("vmlinuz"));
        assertThat(spec.kernel().cmdline()).isEqualTo("console=ttyS0 quiet panic=-1");
        assertThat(spec.modules()).containsExactly("virtio_ring", "virtio", "virtio_pci", "virtio_net");
        assertThat(spec.services()).containsExactly(new ImageSpec.ServiceSpec("httpd", "httpd -f -p 80 -h /www"));
        assertThat(spec.files()).extracting(ImageSpec.FileSpec::mode).containsExactly(0600, 0644);
        assertThat(spec.busybox()).isEqualTo(fixture.busybox);
    }

    @Test
    void busyboxDefaultsToWhereBusyboxStaticInstallsIt() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);

        ImageSpec spec = ImageSpecParser.parse(fixture.spec("kernel: {path: vmlinuz}\n"), Map.of());

        assertThat(spec.busybox()).isEqualTo(Path.of("/bin/busybox"));
        assertThat(spec.kernel().cmdline()).isEqualTo("console=ttyS0");
    }

    @Test
    void anUnknownSectionIsNamedWithTheKnownOnes() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\ntrust: {}\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of()), spec + ": unknown section 'trust'; known: "
                + "busybox, files, formats, init, kernel, modules, onboot, services");
    }

    @Test
    void formatsAreReadOnceEachInTheOrderTheyAreMadeIn() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);

        ImageSpec spec = ImageSpecParser.parse(fixture.spec("kernel: {path: vmlinuz}\nformats: [qcow2, iso, qcow2]\n"),
                Map.of());

        assertThat(spec.formats()).containsExactly(DiskFormat.ISO, DiskFormat.QCOW2);
    }

    @Test
    void withoutFormatsTheImageIsKernelAndInitrdOnly() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);

        assertThat(ImageSpecParser.parse(fixture.spec("kernel: {path: vmlinuz}\n"), Map.of()).formats()).isEmpty();
    }

    @Test
    void anUnknownFormatIsNamedWithTheKnownOnes() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nformats: [iso, vhd]\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of()),
                spec + ": formats[1] 'vhd' is not an image format; known: iso, qcow2");
    }

    @Test
    void formatsGivenAsOneValueAreRefused() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nformats: iso\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of()), spec + ": formats must be a list");
    }

    @Test
    void aFormatThatIsNotTextIsRefused() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nformats: [{iso: yes}]\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of()), spec + ": formats[0] must be a text value");
    }

    @Test
    void anUnknownFieldIsNamedWithWhereItIs() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nfiles:\n  - {path: /etc/motd, contents: hi, owner: root}\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of()),
                spec + ": unknown field 'owner' in files[0]; known: contents, mode, path, source");
    }

    @Test
    void aMissingKernelModuleNamesTheModulesDirectory() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nmodules: [virtio_net, no_such_driver]\nbusybox: BUSYBOX\n");

        assertOneLineError(() -> fixture.builder().build(spec),
                spec + ": kernel module 'no_such_driver' not found under " + fixture.modulesDir);
    }

    @Test
    void aSourceFileOutsideTheSpecsTreeIsRefused() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Files.writeString(temp.resolve("secret"), "outside");
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nfiles:\n  - {path: /etc/secret, source: ../secret}\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of()),
                spec + ": files[0].source '../secret' is outside the spec's directory " + fixture.specDir);
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheTreeIsRefused() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Files.writeString(temp.resolve("secret"), "outside");
        Files.createSymbolicLink(fixture.specDir.resolve("link"), temp.resolve("secret"));
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nfiles:\n  - {path: /etc/secret, source: link}\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of()),
                spec + ": files[0].source 'link' is outside the spec's directory " + fixture.specDir);
    }

    @Test
    void aMissingKernelFileIsNamed() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: boot/vmlinuz-none}\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of()),
                spec + ": kernel file not found: " + fixture.specDir.resolve("boot/vmlinuz-none"));
    }

    @Test
    void anUnsetVariableIsNamed() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz, cmdline: \"console=ttyS0 {{extra}}\"}\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of("key", "k")),
                spec + ": variable 'extra' is not set; set: key");
    }

    @Test
    void aFileWithBothContentsAndSourceIsRefused() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nfiles:\n  - {path: /etc/motd, contents: hi, source: vmlinuz}\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of()),
                spec + ": files[0] needs exactly one of 'contents' and 'source'");
    }

    @Test
    void aFileThatWouldReplaceInitIsRefused() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nfiles:\n  - {path: /init, contents: oops}\nbusybox: BUSYBOX\n");

        assertOneLineError(() -> fixture.builder().build(spec),
                spec + ": files[0].path '/init' is already in the image");
    }

    @Test
    void aMissingBusyboxSaysWhatToInstall() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nbusybox: tools/busybox\n");

        assertOneLineError(() -> fixture.builder().build(spec), spec + ": busybox not found at "
                + fixture.specDir.resolve("tools/busybox") + " (install busybox-static, or name the binary in 'busybox:')");
    }

    @Test
    void aListSectionGivenAsAMappingIsRefused() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz}\nservices: {name: web}\n");

        assertOneLineError(() -> ImageSpecParser.parse(spec, Map.of()), spec + ": services must be a list");
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path spec = fixture.spec("kernel: {path: vmlinuz\nmodules: [\n");

        assertThatThrownBy(() -> ImageSpecParser.parse(spec, Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith(spec + ":")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void yamlAliasesAndMergeKeysAreRefusedAtTheirLine() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        Path aliased = fixture.spec("kernel: {path: &k vmlinuz}\nbusybox: *k\n");
        assertOneLineError(() -> ImageSpecParser.parse(aliased, Map.of()),
                aliased + ":2:10: YAML aliases (*k) are not supported; write the value out");

        Path merged = fixture.spec("k: &k {path: vmlinuz}\nkernel:\n  <<: *k\n");
        assertOneLineError(() -> ImageSpecParser.parse(merged, Map.of()),
                merged + ":3:3: YAML merge keys (<<) are not supported; write the keys out");
    }

    private static void assertOneLineError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidSpecException.class).hasMessage(message);
    }
}
