package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One copy, and one vmlinux extraction, per distinct kernel, whatever number of images use it. */
class SharedKernelsTest {

    @TempDir
    Path temp;

    @Test
    void twoImagesOfOneKernelShareTheKernelFileAndTheVmlinux() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        byte[] vmlinux = fixture.useKernelWithPvhVmlinux();

        BuiltImage a = fixture.builder().build(fixture.fullSpec("key-a"));
        BuiltImage b = fixture.builder().build(fixture.fullSpec("key-b"));

        assertThat(a.hash()).isNotEqualTo(b.hash());
        assertThat(a.vmlinux()).hasValueSatisfying(file -> assertThat(file).hasBinaryContent(vmlinux));
        assertThat(Files.isSameFile(a.vmlinux().orElseThrow(), b.vmlinux().orElseThrow())).isTrue();
        assertThat(Files.isSameFile(a.kernel(), b.kernel())).isTrue();
        assertThat(Files.getAttribute(a.kernel(), "unix:ino")).isEqualTo(Files.getAttribute(b.kernel(), "unix:ino"));
        Path shared = fixture.imagesDir.resolve("kernels").resolve(FileDigest.sha256Prefix(a.kernel(), 16));
        assertThat(Files.isSameFile(shared.resolve("vmlinuz"), a.kernel())).isTrue();
        assertThat(Files.isSameFile(shared.resolve("vmlinux"), a.vmlinux().orElseThrow())).isTrue();
        assertThat(entries(fixture.imagesDir.resolve("kernels"))).containsExactly(shared);
        assertThat(a.formats()).containsExactly("kernel", "vmlinux");
        assertThat(ImageManifest.read(a.directory().resolve("image.json")).formats()).containsExactly("kernel", "vmlinux");
    }

    @Test
    void aKernelWithoutAnXzPayloadGivesImagesWithoutVmlinux() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);

        BuiltImage image = fixture.builder().build(fixture.fullSpec("key-a"));

        assertThat(image.vmlinux()).isEmpty();
        assertThat(image.directory().resolve("vmlinux")).doesNotExist();
        assertThat(image.formats()).containsExactly("kernel");
        assertThat(image.kernel()).hasContent("fake kernel");
    }

    @Test
    void buildsRacingForOneKernelAllSucceedAndLeaveOneSharedCopy() throws Exception {
        ImageFixture fixture = new ImageFixture(temp);
        fixture.useKernelWithPvhVmlinux();
        Path specA = Files.copy(fixture.fullSpec("key-a"), fixture.specDir.resolve("a.yml"));
        Path specB = Files.copy(fixture.fullSpec("key-b"), fixture.specDir.resolve("b.yml"));
        List<Path> specs = List.of(specA, specA, specB, specB);
        ExecutorService threads = Executors.newFixedThreadPool(specs.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<BuiltImage>> builds = specs.stream()
                    .map(spec -> threads.submit((Callable<BuiltImage>) () -> {
                        start.await();
                        return fixture.builder().build(spec);
                    }))
                    .toList();
            start.countDown();

            List<BuiltImage> images = builds.stream().map(SharedKernelsTest::result).toList();

            assertThat(images).extracting(BuiltImage::hash).doesNotContainNull();
            assertThat(images).allSatisfy(image -> {
                assertThat(image.vmlinux()).isPresent();
                assertThat(Files.isSameFile(image.vmlinux().orElseThrow(), images.get(0).vmlinux().orElseThrow()))
                        .isTrue();
            });
        } finally {
            threads.shutdownNow();
        }
        assertThat(entries(fixture.imagesDir.resolve("kernels"))).hasSize(1)
                .allSatisfy(dir -> assertThat(dir.getFileName().toString()).doesNotStartWith("."));
        assertThat(entries(fixture.imagesDir)).as("two images and the kernels, nothing half-written").hasSize(3);
    }

    @Test
    void anImageBuiltBeforeVmlinuxFilesExistedGetsItsVmlinuxOnTheNextBuild() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        fixture.useKernelWithPvhVmlinux();
        Path spec = fixture.fullSpec("key-a");
        BuiltImage first = fixture.builder().build(spec);
        Files.delete(first.vmlinux().orElseThrow());
        Path manifest = first.directory().resolve("image.json");
        Files.writeString(manifest, Files.readString(manifest).replace(",\"formats\":[\"kernel\",\"vmlinux\"]", ""));

        BuiltImage again = fixture.builder().build(spec);

        assertThat(again.vmlinux()).isPresent();
        assertThat(Files.readString(manifest)).contains("\"formats\":[\"kernel\",\"vmlinux\"]");
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    private static BuiltImage result(Future<BuiltImage> build) {
        try {
            return build.get();
        } catch (Exception e) {
            throw new AssertionError("a racing build failed", e);
        }
    }
}
