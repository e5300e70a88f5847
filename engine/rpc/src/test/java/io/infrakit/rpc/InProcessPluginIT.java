package io.infrakit.rpc;

import io.infrakit.spi.Any;
import io.infrakit.spi.PluginName;
import io.infrakit.spi.group.GroupId;
import io.infrakit.spi.group.GroupPlugin;
import io.infrakit.spi.group.GroupSpec;
import io.infrakit.spi.group.GroupStatus;
import io.infrakit.spi.group.RolloutControl;
import io.infrakit.spi.plugin.PluginObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A hosted plugin called in process answers, and fails, exactly as the same plugin called over its socket. */
class InProcessPluginIT {

    @TempDir
    Path directory;

    /** Fails status in a way no plugin should, and keeps neither history nor events. */
    static final class CarelessGroupPlugin extends RolloutIT.ControlledGroupPlugin {

        @Override
        public GroupStatus status(GroupId id) {
            if (id.value().equals("npe")) {
                throw new NullPointerException();
            }
            if (id.value().equals("broken")) {
                throw new IllegalStateException("the status table is corrupt");
            }
            return super.status(id);
        }

        @Override
        public List<io.infrakit.spi.group.Revision> history(GroupId id) {
            throw new UnsupportedOperationException("this group plugin keeps no revisions");
        }
    }

    @Test
    void answersAndFailuresAreTheSocketsOnes() {
        CarelessGroupPlugin plugin = new CarelessGroupPlugin();
        plugin.commitGroup(new GroupSpec(GroupId.of("web"), Any.parse("{\"Allocation\":{\"Size\":2}}")), false);
        try (PluginServer server = PluginServer.start(directory.resolve("group"), PluginObjects.group(plugin))) {
            PluginClient client = new PluginClient("group", server.socket());
            GroupPlugin remoteGroups = new RemoteGroupPlugin(client, PluginName.of("group"));
            RolloutControl remoteRollouts = new RemoteRolloutControl(client, PluginName.of("group"));
            GroupPlugin local = InProcessPlugin.of(GroupPlugin.class, plugin, "group");
            RolloutControl localRollouts = InProcessPlugin.of(RolloutControl.class, plugin, "group");

            assertThat(local.describeGroup(GroupId.of("web"))).isEqualTo(remoteGroups.describeGroup(GroupId.of("web")));
            assertThat(localRollouts.status(GroupId.of("web"))).isEqualTo(remoteRollouts.status(GroupId.of("web")));
            List<Function<Boolean, Object>> failing = List.of(
                    remote -> (remote ? remoteGroups : local).describeGroup(GroupId.of("ghost")),
                    remote -> (remote ? remoteRollouts : localRollouts).status(GroupId.of("ghost")),
                    remote -> (remote ? remoteRollouts : localRollouts).status(GroupId.of("npe")),
                    remote -> (remote ? remoteRollouts : localRollouts).status(GroupId.of("broken")),
                    remote -> (remote ? remoteRollouts : localRollouts).history(GroupId.of("web")),
                    remote -> (remote ? remoteRollouts : localRollouts).rollback(GroupId.of("web"), Optional.of("nope")));
            for (Function<Boolean, Object> call : failing) {
                Throwable overSocket = catchThrowable(() -> call.apply(true));
                Throwable inProcess = catchThrowable(() -> call.apply(false));
                assertThat(overSocket).isNotNull();
                assertThat(inProcess).isExactlyInstanceOf(overSocket.getClass())
                        .hasMessage(overSocket.getMessage());
            }
        }
    }

    @Test
    void onlyInterfacesThePluginImplementsCanBeAsked() {
        assertThatThrownBy(() -> InProcessPlugin.of(RolloutControl.class, new FakeGroupPlugin(), "plain"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("is not a RolloutControl");
    }
}
