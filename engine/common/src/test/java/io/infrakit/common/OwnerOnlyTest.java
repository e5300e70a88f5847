package io.infrakit.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerOnlyTest {

    @TempDir
    Path dir;

    @Test
    void everyDirectoryMadeIsTheOwnersAlone() throws IOException {
        Path nested = OwnerOnly.createDirectories(dir.resolve("a/b/c"));

        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(mode(nested)).isEqualTo("rwx------");
    }

    @Test
    void aDirectoryThatExistsIsLeftAsItIs() throws IOException {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnly.createDirectories(open);

        assertThat(mode(open)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void anAtomicWriteMakesAnOwnerOnlyFileInOwnerOnlyDirectories() throws IOException {
        Path file = dir.resolve("state/groups/web.json");

        AtomicFiles.write(file, "{}".getBytes());

        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("state"))).isEqualTo("rwx------");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
