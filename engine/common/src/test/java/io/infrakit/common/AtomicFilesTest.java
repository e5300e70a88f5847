package io.infrakit.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void removesTheTemporaryFilesOfWritersKilledMidWriteAndNothingElse() throws IOException {
        AtomicFiles.write(dir.resolve("journal.json"), "{}".getBytes(StandardCharsets.UTF_8));
        for (String name : new String[] {".journal.json8413393520179861234.tmp", ".instance-42.json17.tmp",
                ".hidden", ".notes.tmp", "backup.json123.tmp", ".unrelated"}) {
            Files.writeString(dir.resolve(name), "half");
        }
        Files.createDirectory(dir.resolve(".cache12.tmp"));

        assertThat(AtomicFiles.removeLeftovers(dir)).isEqualTo(2);

        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(
                    "journal.json", ".hidden", ".notes.tmp", "backup.json123.tmp", ".unrelated", ".cache12.tmp");
        }
    }

    @Test
    void aDirectoryThatDoesNotExistHasNoLeftovers() {
        assertThat(AtomicFiles.removeLeftovers(dir.resolve("missing"))).isZero();
    }
}
