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
    void listsBuiltImagesWithTheirCreationTimeAndSkipsStagingDirectories() throws IOException {
        ImageFixture fixture = new ImageFixture(temp);
        BuiltImage a = fixture.builder().build(fixture.fullSpec("key-a"));
        BuiltImage b = fixture.builder().build(fixture.fullSpec("key-b"));
        Files.createDirectories(fixture.imagesDir.resolve(".0123456789abcdef-123"));

        var images = new ImageStore(fixture.imagesDir).list();

        assertThat(images).extracting(ImageManifest::hash).containsExactlyInAnyOrder(a.hash(), b.hash());
        assertThat(images).allSatisfy(i -> assertThat(i.created()).isEqualTo(ImageFixture.BUILT_AT));
        assertThat(new ImageStore(fixture.imagesDir).find(a.hash())).contains(a);
    }

    @Test
    void anEmptyOrMissingImagesDirectoryListsNothing() {
        assertThat(new ImageStore(temp.resolve("nothing-yet")).list()).isEmpty();
        assertThat(new ImageStore(temp).find("0123456789abcdef")).isEmpty();
    }
}
