package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {

    @TempDir
    Path temp;

    @Test
    void listsBuiltImagesWithTheirCreationTimeAndSkipsStagingDirectoriesAndTheSharedKernels() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        fixture.useKernelWithPvhVmlinux();
        BuiltImage a = fixture.builder().build(fixture.fullSpec("key-a"));
        BuiltImage b = fixture.builder().build(fixture.fullSpec("key-b"));
        Files.createDirectories(fixture.imagesDir.resolve(".0123456789abcdef-123"));

        var images = new ImageStore(fixture.imagesDir).list();

        assertThat(images).extracting(ImageManifest::hash).containsExactlyInAnyOrder(a.hash(), b.hash());
        assertThat(images).allSatisfy(i -> assertThat(i.created()).isEqualTo(ImageFixture.BUILT_AT));
        assertThat(images).allSatisfy(i -> assertThat(i.formats()).containsExactly("kernel", "vmlinux"));
        assertThat(fixture.imagesDir.resolve("kernels")).isDirectory();
        assertThat(new ImageStore(fixture.imagesDir).find(a.hash())).contains(a);
    }

    @Test
    void theFormatsListedAreTheFilesTheImageHoldsNow() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        BuiltImage image = fixture.builder().build(fixture.fullSpec("key-a"));
        Files.writeString(image.directory().resolve("image.iso"), "an ISO added by another build");

        assertThat(new ImageStore(fixture.imagesDir).list()).singleElement()
                .satisfies(i -> assertThat(i.formats()).containsExactly("kernel", "iso"));
        assertThat(new ImageStore(fixture.imagesDir).find(image.hash()).orElseThrow().iso())
                .contains(image.directory().resolve("image.iso"));
    }

    @Test
    void anEmptyOrMissingImagesDirectoryListsNothing() {
        assertThat(new ImageStore(temp.resolve("nothing-yet")).list()).isEmpty();
        assertThat(new ImageStore(temp).find("0123456789abcdef")).isEmpty();
    }
}
