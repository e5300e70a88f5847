package io.infrakit.rpc;

import io.infrakit.spi.IncompatiblePluginException;
import io.infrakit.spi.InfrakitException;
import io.infrakit.spi.InterfaceSpec;
import io.infrakit.spi.InvalidSpecException;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupEvent;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPhase;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.Revision;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our Rollout/0.1.0 extension over the socket, next to InfraKit's Group/0.1.1 on the same object. */
class RolloutIT {

    @TempDir
    Path directory;

    /** A group plugin that can also report status and pause. */
    static class ControlledGroupPlugin extends FakeGroupPlugin implements RolloutControl {

        final List<String> calls = new ArrayList<>();

        @Override
        public GroupStatus status(GroupId id) {
            if (id.value().equals("ghost")) {
                throw new InfrakitException("Group 'ghost' is not being watched");
            }
            return new GroupStatus(id, GroupPhase.ROLLING_OUT, 5, 6, 2, 5, 0, "old", "new",
                    "waiting for i-7 to become healthy: 2m10s of 10m", "", false, false, Instant.parse("2026-01-02T03:04:05Z"));
        }

        @Override
        public void pause(GroupId id) {
            calls.add("pause " + id);
        }

        @Override
        public void resume(GroupId id) {
            calls.add("resume " + id);
        }

        @Override
        public List<Revision> history(GroupId id) {
            return List.of(new Revision("new", Instant.parse("2026-01-02T03:04:05Z"), "Performing a rolling update on 5 instances",
                    false, true), new Revision("old", Instant.EPOCH, "Managing 5 instances", true, false));
        }

        @Override
        public Revision rollback(GroupId id, Optional<String> toRevision) {
            calls.add("rollback " + id + " to " + toRevision.orElse("(last proven)"));
            if (toRevision.isPresent() && toRevision.get().equals("nope")) {
                throw new InvalidSpecException("Group 'web' has no revision 'nope'; its revisions: new, old");
            }
            return new Revision(toRevision.orElse("old"), Instant.EPOCH, "Managing 5 instances", true, true);
        }

        @Override
        public List<GroupEvent> events(GroupId id, long afterSequence) {
            calls.add("events " + id + " after " + afterSequence);
            return List.of(new GroupEvent(afterSequence + 1, Instant.EPOCH, "Provisioned", "i-8", "provisioned i-8"));
        }
    }

    @Test
    void historyRollbackAndEventsTravel() {
        ControlledGroupPlugin group = new ControlledGroupPlugin();
        try (PluginServer server = PluginServer.start(directory.resolve("group"), PluginObjects.group(group))) {
            RolloutControl remote = new RemoteRolloutControl(new PluginClient("group", server.socket()),
                    PluginName.of("group"));

            assertThat(remote.history(GroupId.of("web"))).isEqualTo(group.history(GroupId.of("web")));
            assertThat(remote.rollback(GroupId.of("web"), Optional.empty()).id()).isEqualTo("old");
            assertThat(remote.rollback(GroupId.of("web"), Optional.of("abc")).id()).isEqualTo("abc");
            assertThatThrownBy(() -> remote.rollback(GroupId.of("web"), Optional.of("nope")))
                    .as("the user's mistake stays one across the socket, for the CLI's exit code 3")
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessage("Group 'web' has no revision 'nope'; its revisions: new, old");
            assertThat(remote.events(GroupId.of("web"), 41)).singleElement()
                    .isEqualTo(new GroupEvent(42, Instant.EPOCH, "Provisioned", "i-8", "provisioned i-8"));
            assertThat(group.calls).containsExactly("rollback web to (last proven)", "rollback web to abc",
                    "rollback web to nope", "events web after 41");
        }
    }

    @Test
    void statusPauseAndResumeTravelAndTheHandshakeAdvertisesThem() {
        ControlledGroupPlugin group = new ControlledGroupPlugin();
        try (PluginServer server = PluginServer.start(directory.resolve("group"), PluginObjects.group(group))) {
            PluginClient client = new PluginClient("group", server.socket());
            assertThat(client.hello()).containsKey(new InterfaceSpec("Rollout", "0.1.0"))
                    .containsKey(new InterfaceSpec("Group", "0.1.1"));

            RolloutControl remote = new RemoteRolloutControl(client, PluginName.of("group"));
            GroupStatus status = remote.status(GroupId.of("web"));
            assertThat(status.phase()).isEqualTo(GroupPhase.ROLLING_OUT);
            assertThat(status.updated()).isEqualTo(2);
            assertThat(status.reason()).isEqualTo("waiting for i-7 to become healthy: 2m10s of 10m");
            assertThat(status.observedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));

            remote.pause(GroupId.of("web"));
            remote.resume(GroupId.of("web"));
            assertThat(group.calls).containsExactly("pause web", "resume web");

            assertThatThrownBy(() -> remote.status(GroupId.of("ghost")))
                    .hasMessage("Group 'ghost' is not being watched");
        }
    }

    @Test
    void aGroupPluginWithoutTheExtensionIsToldApart() {
        try (PluginServer server = PluginServer.start(directory.resolve("plain"), PluginObjects.group(new FakeGroupPlugin()))) {
            RolloutControl remote = new RemoteRolloutControl(new PluginClient("plain", server.socket()),
                    PluginName.of("plain"));

            assertThatThrownBy(() -> remote.status(GroupId.of("web")))
                    .isInstanceOf(IncompatiblePluginException.class)
                    .hasMessageStartingWith("Plugin plain does not support interface Rollout/0.1.0");
        }
    }
}
