package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void removingAnImageFreesWhatOnlyItHeldAndItsKernelOnceNoImageLinksIt() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        fixture.useKernelWithPvhVmlinux();
        BuiltImage a = fixture.builder().build(fixture.fullSpec("key-a"));
        BuiltImage b = fixture.builder().build(fixture.fullSpec("key-b"));
        ImageStore store = new ImageStore(fixture.imagesDir);
        long kernelBytes = Files.size(a.kernel()) + Files.size(a.vmlinux().orElseThrow());
        long onlyA = store.size(a.hash());

        long freedA = store.remove(a.hash());

        assertThat(freedA).as("the kernel is still b's").isEqualTo(onlyA).isLessThan(onlyA + kernelBytes);
        assertThat(store.list()).extracting(ImageManifest::hash).containsExactly(b.hash());
        assertThat(store.find(a.hash())).isEmpty();
        assertThat(fixture.imagesDir.resolve("kernels")).isNotEmptyDirectory();

        long freedB = store.remove(b.hash());

        assertThat(freedB).as("b's own files and the shared kernel").isGreaterThanOrEqualTo(kernelBytes);
        assertThat(store.list()).isEmpty();
        assertThat(fixture.imagesDir.resolve("kernels")).isEmptyDirectory();
        assertThat(fixture.builder().build(fixture.fullSpec("key-a")).hash()).as("built afresh").isEqualTo(a.hash());
    }

    @Test
    void removingAnImageThatIsNotThereSaysSo() {
        assertThatThrownBy(() -> new ImageStore(temp).remove("0123456789abcdef"))
                .isInstanceOf(ImageBuildException.class).hasMessage("no image 0123456789abcdef in " + temp);
    }

    @Test
    void anEmptyOrMissingImagesDirectoryListsNothing() {
        assertThat(new ImageStore(temp.resolve("nothing-yet")).list()).isEmpty();
        assertThat(new ImageStore(temp).find("0123456789abcdef")).isEmpty();
    }
}
