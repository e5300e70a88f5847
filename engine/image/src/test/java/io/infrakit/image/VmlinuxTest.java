package io.infrakit.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmlinuxTest {

    @TempDir
    Path temp;

    @Test
    void theElfInTheXzPayloadIsExtractedWhateverComesBeforeAndAfterTheStream() throws IOException {
        byte[] vmlinux = FakeKernel.vmlinux(true);
        Path bzImage = Files.write(temp.resolve("vmlinuz"), FakeKernel.bzImage(vmlinux));

        boolean extracted = Vmlinux.extract(bzImage, temp.resolve("vmlinux"));

        assertThat(extracted).isTrue();
        assertThat(Files.readAllBytes(temp.resolve("vmlinux"))).isEqualTo(vmlinux);
    }

    @Test
    void aKernelWithoutAnXzPayloadHasNoVmlinux() throws IOException {
        Path bzImage = Files.writeString(temp.resolve("vmlinuz"), "a kernel compressed some other way");

        assertThat(Vmlinux.extract(bzImage, temp.resolve("vmlinux"))).isFalse();
        assertThat(temp.resolve("vmlinux")).doesNotExist();
    }

    @Test
    void anXzPayloadThatIsNotAnElfFileGivesNoVmlinux() throws IOException {
        byte[] notElf = "#!/bin/sh\necho not a kernel\n".getBytes(StandardCharsets.US_ASCII);
        Path bzImage = Files.write(temp.resolve("vmlinuz"), FakeKernel.bzImage(notElf));

        assertThat(Vmlinux.extract(bzImage, temp.resolve("vmlinux"))).isFalse();
        assertThat(temp.resolve("vmlinux")).doesNotExist();
    }

    @Test
    void anElfWithoutThePvhEntryNoteGivesNoVmlinuxBecauseQemuCouldNotBootIt() throws IOException {
        Path bzImage = Files.write(temp.resolve("vmlinuz"), FakeKernel.bzImage(FakeKernel.vmlinux(false)));

        assertThat(Vmlinux.extract(bzImage, temp.resolve("vmlinux"))).isFalse();
        assertThat(temp.resolve("vmlinux")).doesNotExist();
    }

    @Test
    void aTruncatedXzStreamGivesNoVmlinux() throws IOException {
        byte[] whole = FakeKernel.xz(FakeKernel.vmlinux(true));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        Path bzImage = Files.write(temp.resolve("vmlinuz"), truncated);

        assertThat(Vmlinux.extract(bzImage, temp.resolve("vmlinux"))).isFalse();
        assertThat(temp.resolve("vmlinux")).doesNotExist();
    }

    @Test
    void thePvhNoteIsFoundAmongOtherNotes() throws IOException {
        assertThat(PvhEntryNote.isPresentIn(Files.write(temp.resolve("pvh"), FakeKernel.vmlinux(true)))).isTrue();
        assertThat(PvhEntryNote.isPresentIn(Files.write(temp.resolve("no-pvh"), FakeKernel.vmlinux(false)))).isFalse();
        assertThat(PvhEntryNote.isPresentIn(Files.writeString(temp.resolve("text"), "not an ELF file"))).isFalse();
    }
}
