package io.infrakit.cli;

import io.infrakit.cli.StatusCommand.Group;
import io.infrakit.cli.StatusCommand.Manager;
import io.infrakit.cli.StatusCommand.Status;
import io.infrakit.cli.plugin.PluginLsCommand;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code infrakit status} prints for people. */
class StatusCommandTest {

    static final Instant STARTED = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void withAManagerItsPluginsByNameAndOneLinePerGroup() {
        Status status = new Status(new Manager(true, 4242L, "/home/me/.infrakit", STARTED, "PT2H5M"),
                List.of(new PluginLsCommand.Row("file", "file", "Instance/0.6.1", "/s/file", null),
                        new PluginLsCommand.Row("simulator/compute", "simulator", "Instance/0.6.1", "/s/simulator", null),
                        new PluginLsCommand.Row("simulator/disk", "simulator", "Instance/0.6.1", "/s/simulator", null),
                        new PluginLsCommand.Row("qemu", "qemu", "-", "/s/qemu", "connection refused")),
                List.of(new Group("db", null, "Group 'db' is not being watched"),
                        new Group("web", new GroupStatus(GroupId.of("web"), GroupPhase.ROLLING_OUT, 3, 4, 1, 3, 0,
                                "a", "b", "waiting for 1 instance to become healthy", "", false, false, STARTED),
                                null)));

        assertThat(StatusCommand.text(status)).isEqualTo("""
                manager: running (pid 4242, up 2h5m, home /home/me/.infrakit)
                plugins: file, simulator, qemu (unreachable)

                GROUP  PHASE       DESIRED  CURRENT  UPDATED  HEALTHY  UNAVAILABLE  NOTE
                db     -           -        -        -        -        -            Group 'db' is not being watched
                web    RollingOut  3        4        1        3        0            waiting for 1 instance to become healthy
                """);
    }

    @Test
    void withoutAManagerTheCommittedGroupsWithoutPhases() {
        Status status = new Status(new Manager(false, null, "/h", null, null), List.of(),
                List.of(new Group("web", null, null)));

        assertThat(StatusCommand.text(status)).isEqualTo("""
                manager: not running (home /h); 'infrakit manager start' starts it

                GROUP  PHASE  DESIRED  CURRENT  UPDATED  HEALTHY  UNAVAILABLE  NOTE
                web    -      -        -        -        -        -            phase unknown: no manager is running
                """);
        assertThat(StatusCommand.text(new Status(new Manager(false, null, "/h", null, null), List.of(), List.of())))
                .endsWith("groups: (none committed)\n");
    }
}
