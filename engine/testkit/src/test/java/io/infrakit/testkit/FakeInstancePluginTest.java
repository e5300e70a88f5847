package io.infrakit.testkit;

import io.infrakit.spi.Any;
import io.infrakit.spi.PluginException;
import io.infrakit.spi.instance.DestroyReason;
import io.infrakit.spi.instance.InstanceDescription;
import io.infrakit.spi.instance.InstanceId;
import io.infrakit.spi.instance.InstanceNotFoundException;
import io.infrakit.spi.instance.InstanceSpec;
import io.infrakit.testkit.FakeInstancePlugin.Operation;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeInstancePluginTest {

    private final FakeInstancePlugin plugin = new FakeInstancePlugin();
    private final InstanceSpec web = InstanceSpec.of(Any.empty(), Map.of("infrakit.group", "web"));

    @Test
    void handsOutCountingIdsAndRecordsWhatItProvisioned() {
        InstanceId first = plugin.provision(web);
        InstanceId second = plugin.provision(web);

        assertThat(first).isEqualTo(InstanceId.of("fake-1"));
        assertThat(second).isEqualTo(InstanceId.of("fake-2"));
        assertThat(plugin.provisioned()).containsExactly(web, web);
    }

    @Test
    void failsTheNextCallOnceWithAPluginExceptionNamingTheOperation() {
        plugin.failNext(Operation.PROVISION);

        assertThatThrownBy(() -> plugin.provision(web))
                .isInstanceOf(PluginException.class)
                .hasMessage("injected provision failure");
        assertThat(plugin.provision(web)).isEqualTo(InstanceId.of("fake-1"));
        assertThat(plugin.calls(Operation.PROVISION)).isEqualTo(2);
        assertThat(plugin.provisioned()).hasSize(1);
    }

    @Test
    void queuedFailuresComeOutInOrderWithTheGivenErrors() {
        plugin.failNext(Operation.DESCRIBE, () -> new IllegalStateException("first"))
                .failNext(Operation.DESCRIBE, () -> new IllegalStateException("second"));

        assertThatThrownBy(() -> plugin.describeInstances(Map.of(), false)).hasMessage("first");
        assertThatThrownBy(() -> plugin.describeInstances(Map.of(), false)).hasMessage("second");
        assertThat(plugin.describeInstances(Map.of(), false)).isEmpty();
    }

    @Test
    void failsEveryCallUntilRecovered() {
        InstanceId id = plugin.provision(web);
        plugin.failAlways(Operation.DESTROY);

        assertThatThrownBy(() -> plugin.destroy(id, DestroyReason.TERMINATE)).isInstanceOf(PluginException.class);
        assertThatThrownBy(() -> plugin.destroy(id, DestroyReason.TERMINATE)).isInstanceOf(PluginException.class);

        plugin.recover(Operation.DESTROY).destroy(id, DestroyReason.ROLLING_UPDATE);

        assertThat(plugin.destroyed()).containsExactly(id);
        assertThat(plugin.destroyReason(id)).isEqualTo(DestroyReason.ROLLING_UPDATE);
    }

    @Test
    void failuresInOneOperationLeaveTheOthersAlone() {
        plugin.failAlways(Operation.LABEL);

        InstanceId id = plugin.provision(web);

        assertThat(plugin.describeInstances(Map.of(), false)).extracting(InstanceDescription::id).containsExactly(id);
    }

    @Test
    void aKilledInstanceVanishesWithoutADestroy() {
        InstanceId id = plugin.provision(web);

        plugin.kill(id);

        assertThat(plugin.describeInstances(Map.of(), false)).isEmpty();
        assertThat(plugin.destroyed()).isEmpty();
        assertThatThrownBy(() -> plugin.kill(id)).isInstanceOf(InstanceNotFoundException.class);
    }

    @Test
    void addedInstancesAreDescribedLikeProvisionedOnes() {
        InstanceDescription adopted = new InstanceDescription(
                InstanceId.of("by-hand"), null, Map.of("infrakit.group", "web", "infrakit.config.hash", "bootstrap"),
                Any.empty());

        plugin.add(adopted);

        assertThat(plugin.describeInstances(Map.of("infrakit.group", "web"), false)).containsExactly(adopted);
    }

    @Test
    void describesInCreationOrder() {
        for (int i = 0; i < 12; i++) {
            plugin.provision(web);
        }

        assertThat(plugin.describeInstances(Map.of(), false)).extracting(d -> d.id().value())
                .startsWith("fake-1", "fake-2").endsWith("fake-10", "fake-11", "fake-12");
    }
}
