package io.infrakit.engine;

import io.infrakit.common.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateHomeTest {

    @TempDir
    Path dir;

    @Test
    void aMissingHomeIsMadeTheOwnersAlone() throws IOException {
        InfrakitHome home = InfrakitHome.at(dir.resolve("parent/home"));

        assertThat(PrivateHome.prepare(home)).isEmpty();

        assertThat(mode(home.root())).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("parent"))).isEqualTo("rwx------");
    }

    @Test
    void aHomeOthersMayEnterIsTightenedAndSaysSo() throws IOException {
        Path root = Files.createDirectory(dir.resolve("home"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(PrivateHome.prepare(InfrakitHome.at(root))).contains("the home " + root
                + " was open to other users (mode 755): made it 0700, its owner's alone");

        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(PrivateHome.prepare(InfrakitHome.at(root))).as("said once").isEmpty();
    }

    @Test
    void aSharedDirectoryIsRefusedAndLeftAsItIs() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("tmp"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setAttribute(shared, "unix:mode", 01777);

        assertThatThrownBy(() -> PrivateHome.prepare(InfrakitHome.at(shared)))
                .isInstanceOf(UsageException.class)
                .hasMessage("cannot run a manager in " + shared + ": it is a shared directory (mode 1777); use a "
                        + "home of your own (--home or INFRAKIT_HOME)");
        assertThat(Files.getAttribute(shared, "unix:mode")).isEqualTo(041777);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
