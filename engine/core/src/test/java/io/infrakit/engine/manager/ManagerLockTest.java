package io.infrakit.engine.manager;

import io.infrakit.engine.InfrakitHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagerLockTest {

    @TempDir
    Path root;

    @Test
    void aSecondManagerOnTheSameHomeIsRefusedWithTheFirstOnesPid() {
        InfrakitHome home = InfrakitHome.at(root);
        try (ManagerLock first = ManagerLock.acquire(home)) {
            assertThat(ManagerLock.isHeld(home)).isTrue();
            assertThatThrownBy(() -> ManagerLock.acquire(home))
                    .isInstanceOf(ManagerAlreadyRunningException.class)
                    .hasMessage("a manager is already running for " + root + " (pid " + ProcessHandle.current().pid() + ")");
        }
    }

    @Test
    void releasingRemovesThePidFileAndFreesTheHome() {
        InfrakitHome home = InfrakitHome.at(root);
        ManagerLock.acquire(home).close();

        assertThat(Files.exists(home.managerPidFile())).isFalse();
        assertThat(ManagerLock.isHeld(home)).isFalse();
        ManagerLock.acquire(home).close();
    }

    @Test
    void aStalePidFileFromAKilledManagerDoesNotBlockANewOne() throws Exception {
        InfrakitHome home = InfrakitHome.at(root);
        Files.writeString(home.managerPidFile(), "999999\n");

        try (ManagerLock lock = ManagerLock.acquire(home)) {
            assertThat(ManagerLock.runningPid(home)).hasValue(ProcessHandle.current().pid());
        }
    }
}
